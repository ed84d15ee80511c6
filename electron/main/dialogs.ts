// The native file and folder choosers for the window's chooseFiles: Electron's dialog, attached to
// the window that asked (the focused one), so it is modal to it rather than floating on its own.
import { BrowserWindow, dialog, type FileFilter, type OpenDialogOptions } from 'electron';
import type { ChooseRequest, FileDialogs } from '../core/window-api/context.ts';

/** The open dialog's properties for a request: folders or files, one or several. */
export function openProperties(request: ChooseRequest): OpenDialogOptions['properties'] {
  const kind = request.kind === 'folder' ? 'openDirectory' : 'openFile';
  return request.multiple === true ? [kind, 'multiSelections'] : [kind];
}

/** The file types to offer, with "All files" after them so any name can still be chosen. */
export function dialogFilters(request: ChooseRequest): FileFilter[] | undefined {
  if (!request.filter) return undefined;
  return [
    { name: request.filter.name, extensions: request.filter.extensions },
    { name: 'All files', extensions: ['*'] },
  ];
}

export function createFileDialogs(
  focused: () => BrowserWindow | null = () => BrowserWindow.getFocusedWindow(),
): FileDialogs {
  return {
    async choose(request) {
      const win = focused();
      const filters = dialogFilters(request);
      if (request.kind === 'save') {
        const options = {
          title: request.title,
          ...(request.defaultName ? { defaultPath: request.defaultName } : {}),
          ...(filters ? { filters } : {}),
        };
        const r = win
          ? await dialog.showSaveDialog(win, options)
          : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? [] : [r.filePath];
      }
      const options = {
        title: request.title,
        properties: openProperties(request),
        ...(filters && request.kind === 'open' ? { filters } : {}),
      };
      const r = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return r.canceled ? [] : r.filePaths;
    },
  };
}
