// Layout checks run in the page: no two cells of a row overlap, and no text is clipped. Each
// returns the problems it found in words (an empty list when the layout is right), so a failing
// test says which row, which cell and what text.
import type { Locator } from '@playwright/test';

type Kind = 'grid' | 'table' | 'box';

/** The house button height (.btn): a button shorter than this is squashed. */
const BUTTON_HEIGHT = 28;

/**
 * Runs in the page (one self-contained function: the window's CSP allows no eval). A cell's text
 * is clipped when it is wider than its box and not shown as cut, that is without an ellipsis and
 * a title holding the text; pills may never be cut. Grid rows are checked in view only.
 */
function inspect(root: HTMLElement, [kind, buttonHeight]: [Kind, number]): string[] {
  const problems: string[] = [];
  const norm = (s: string) => s.replace(/[\s·]+/g, '');
  const shown = (el: Element) => el.getClientRects().length > 0;
  const ownText = (el: Element) =>
    [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
  const cutWithTitle = (el: HTMLElement) => {
    const text = norm(el.innerText);
    const title = el.closest<HTMLElement>('[title]')?.title ?? '';
    const ellipsis = getComputedStyle(el).textOverflow === 'ellipsis';
    return !el.classList.contains('pill') && ellipsis && text !== '' && norm(title).includes(text);
  };
  const checkCell = (cell: HTMLElement, where: string) => {
    const box = cell.getBoundingClientRect();
    const cut: Element[] = [];
    for (const el of [cell, ...cell.querySelectorAll('*')]) {
      // SVG icons have no text to clip; text for screen readers only is not shown.
      if (!(el instanceof HTMLElement) || !shown(el) || cut.some((c) => c.contains(el))) continue;
      if (el.classList.contains('visually-hidden')) continue;
      const what = `${where} "${el.innerText.trim().slice(0, 60)}"`;
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        if (cutWithTitle(el)) cut.push(el);
        else problems.push(`${what} is clipped (${el.scrollWidth} > ${el.clientWidth} px)`);
        continue;
      }
      if (el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 1)
        problems.push(`${what} is clipped in height (${el.scrollHeight} > ${el.clientHeight})`);
      if (el === cell || !ownText(el)) continue;
      const r = el.getBoundingClientRect();
      const out =
        r.left < box.left - 1 ||
        r.right > box.right + 1 ||
        r.top < box.top - 1 ||
        r.bottom > box.bottom + 1;
      if (out) problems.push(`${what} spills out of its cell`);
    }
  };
  const checkRow = (cells: HTMLElement[], name: string, within: DOMRect | null) => {
    const boxes = cells.map((c) => c.getBoundingClientRect());
    boxes.forEach((b, i) => {
      const next = boxes[i + 1];
      if (next && b.right > next.left + 0.5)
        problems.push(`${name}: cells ${i + 1} and ${i + 2} overlap`);
      if (within && (b.top < within.top - 1 || b.bottom > within.bottom + 1))
        problems.push(`${name}: cell ${i + 1} stands out of its row`);
    });
    cells.forEach((c, i) => checkCell(c, `${name}, cell ${i + 1}:`));
    return boxes;
  };

  if (kind === 'box') {
    for (const btn of root.querySelectorAll<HTMLElement>('button')) {
      const h = btn.getBoundingClientRect().height;
      if (h < buttonHeight - 0.5) problems.push(`"${btn.innerText}" is squashed (${h} px)`);
    }
    for (const child of root.children) checkCell(child as HTMLElement, 'the box:');
    return problems;
  }
  const holder = kind === 'grid' ? root.querySelector<HTMLElement>('.grid__scroller') : root;
  if (!holder) return ['nothing holds the rows'];
  const view = holder.getBoundingClientRect();
  const wide = kind === 'grid' ? holder : (root.closest('dialog') ?? root.parentElement);
  if (wide && wide.scrollWidth > wide.clientWidth + 1)
    problems.push(`the rows scroll sideways (${wide.scrollWidth} > ${wide.clientWidth} px)`);
  const rows = [...root.querySelectorAll<HTMLElement>('[role="row"], tr')].filter((r) => {
    const b = r.getBoundingClientRect();
    return shown(r) && b.bottom > view.top && b.top < view.bottom;
  });
  const cellsOf = (row: HTMLElement) =>
    [
      ...row.querySelectorAll<HTMLElement>(
        '[role="gridcell"], [role="columnheader"], [role="rowheader"], th, td',
      ),
    ].filter(shown);
  let header: DOMRect[] | null = null;
  rows.forEach((row, r) => {
    const name = row.querySelector('.key-label')?.textContent ?? `row ${r + 1}`;
    const boxes = checkRow(
      cellsOf(row),
      name,
      kind === 'grid' ? row.getBoundingClientRect() : null,
    );
    // The header follows the columns: as many header cells as cells, each above its cell.
    if (header === null) header = boxes;
    else if (boxes.length !== header.length)
      problems.push(`${name}: ${boxes.length} cells under ${header.length} headers`);
    else
      boxes.forEach((b, i) => {
        const h = (header as DOMRect[])[i] as DOMRect;
        if (Math.abs(h.left - b.left) > 1 || Math.abs(h.right - b.right) > 1)
          problems.push(`${name}: cell ${i + 1} is not under its header`);
      });
    if (kind === 'grid' && boxes.some((b) => b.right > view.right + 1))
      problems.push(`${name}: a cell ends past the list's edge`);
  });
  return problems;
}

/** What is wrong with the layout of the key grid, a table, or a box of text and buttons. */
export function layoutProblems(where: Locator, kind: Kind): Promise<string[]> {
  return where.evaluate(inspect, [kind, BUTTON_HEIGHT] as [Kind, number]);
}

/** The key grid's columns as their headers name them, shown ones only, left to right. */
export function shownColumns(grid: Locator): Promise<string[]> {
  return grid.evaluate((g) =>
    [...g.querySelectorAll<HTMLElement>('[role="columnheader"]')]
      .filter((h) => h.getClientRects().length > 0)
      .map((h) => h.textContent?.trim() ?? ''),
  );
}
