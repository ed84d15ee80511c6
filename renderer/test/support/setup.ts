// happy-dom does no layout, so every element measures 0 px and the virtualizer would render no
// rows. Give the virtualized scrollers (the key grid's, the Activity list) the size of a window's
// list (1000 x 720), as Chromium would.
const SIZES = { clientWidth: 1000, clientHeight: 720 } as const;

for (const [prop, size] of Object.entries(SIZES)) {
  const real = Object.getOwnPropertyDescriptor(Element.prototype, prop);
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement): number {
      if (this.classList.contains('grid__scroller') || this.classList.contains('activity__list'))
        return size;
      return (real?.get?.call(this) as number | undefined) ?? 0;
    },
  });
}
