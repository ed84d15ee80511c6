// The key list as an ARIA grid, virtualized: only the rows in view (plus a margin) are in the
// DOM, while aria-rowcount and aria-rowindex still describe the whole filtered list.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KeyView } from '../../../shared/views.ts';
import { useGridKeyboard } from '../hooks/use-grid-keyboard.ts';
import { useShownColumns } from '../hooks/use-shown-columns.ts';
import { useShownAccounts } from '../hooks/use-shown-accounts.ts';
import { ACCOUNT_COLUMN, COLUMNS } from '../lib/key-list.ts';
import { useAppState } from '../state/context.ts';
import { KeyRow } from './key-row.tsx';
import { KeyTableHeader } from './key-table-header.tsx';

export const ROW_HEIGHT = 36;
/** The sticky header row scrolls with the body (horizontally) and sits above it. */
export const HEADER_HEIGHT = 33;

export interface KeyTableProps {
  keys: KeyView[];
  labelledBy: string;
}

export function KeyTable({ keys, labelledBy }: KeyTableProps) {
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const { activeId, openId, setActive, openKey } = useAppState(
    useShallow((s) => ({
      activeId: s.activeId,
      openId: s.openId,
      setActive: s.setActive,
      openKey: s.openKey,
    })),
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's documented hook; this app does not use the React Compiler, whose memoization it defeats.
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (i) => keys[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const showAccount = useShownAccounts().length > 1;
  const allColumns = useMemo(() => {
    const ids: string[] = COLUMNS.map((c) => c.id);
    if (showAccount) ids.splice(1, 0, ACCOUNT_COLUMN.id);
    return ids;
  }, [showAccount]);
  const columns = useShownColumns(gridRef, allColumns);
  const activeIndex = activeId === null ? -1 : keys.findIndex((k) => k.id === activeId);

  const moveTo = (index: number) => {
    const k = keys[index];
    if (!k) return;
    setActive(k.id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    focusPending.current = true;
  };
  const onKeyDown = useGridKeyboard({
    count: keys.length,
    activeIndex,
    pageSize: Math.max(1, items.length - 2 * 10),
    moveTo,
    open: openKey,
  });
  const onSelect = useCallback((id: string) => openKey(id), [openKey]);

  // Focus follows the keyboard once the target row has been rendered.
  useEffect(() => {
    if (!focusPending.current || activeId === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(
      `[data-key-id="${CSS.escape(activeId)}"]`,
    );
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  // One row is always reachable with Tab: the active one, or the first in view.
  const inView = items.some((i) => keys[i.index]?.id === activeId);
  const firstItem = items[0];
  const tabbableId = inView ? activeId : firstItem ? keys[firstItem.index]?.id : undefined;

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-labelledby={labelledBy}
      aria-rowcount={keys.length + 1}
      aria-colcount={columns.length}
      className={`grid${showAccount ? ' grid--accounts' : ''}`}
    >
      <div ref={scrollRef} className="grid__scroller">
        <KeyTableHeader showAccount={showAccount} columns={columns} />
        <div
          role="rowgroup"
          className="grid__body"
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            // Tabbing or clicking into a row makes it the one Enter and Delete act on.
            const id = (e.target as HTMLElement).closest<HTMLElement>('[data-key-id]')?.dataset
              .keyId;
            if (id && id !== activeId) setActive(id);
          }}
        >
          {items.map((item) => {
            const k = keys[item.index] as KeyView;
            return (
              <KeyRow
                key={k.id}
                keyView={k}
                index={item.index}
                top={item.start - HEADER_HEIGHT}
                active={k.id === activeId}
                open={k.id === openId}
                tabbable={k.id === tabbableId}
                showAccount={showAccount}
                columns={columns}
                onSelect={onSelect}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
