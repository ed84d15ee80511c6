// Element ids that more than one module needs: the shortcut hooks focus what the components render.

/** Ctrl/Cmd+F focuses the element with this id. */
export const FILTER_ID = 'key-filter';
