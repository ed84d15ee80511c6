// The baseline: the same header and rows, every row rendered (a plain React map), no
// virtualization. Only the bench uses it.
import { useShallow } from 'zustand/react/shallow';
import type { KeyTableProps } from '../../../renderer/src/components/key-table.tsx';
import { KeyRow } from '../../../renderer/src/components/key-row.tsx';
import { KeyTableHeader } from '../../../renderer/src/components/key-table-header.tsx';
import { useAppState } from '../../../renderer/src/state/context.ts';

export function PlainKeyTable({ keys, labelledBy }: KeyTableProps) {
  const { activeId, openId, openKey } = useAppState(
    useShallow((s) => ({ activeId: s.activeId, openId: s.openId, openKey: s.openKey })),
  );
  return (
    <div
      role="grid"
      aria-labelledby={labelledBy}
      aria-rowcount={keys.length + 1}
      aria-colcount={6}
      className="grid"
    >
      <div className="grid__scroller">
        <KeyTableHeader />
        <div role="rowgroup" className="grid__body grid__body--plain">
          {keys.map((k, i) => (
            <KeyRow
              key={k.id}
              keyView={k}
              index={i}
              active={k.id === activeId}
              open={k.id === openId}
              tabbable={i === 0}
              onSelect={openKey}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
