// "Export inventory…": one row per key, without any secret, for spreadsheets and auditors, written
// in main to a new file as CSV or JSON.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { InventoryFormatView } from '../../../shared/ipc/backup-channels.ts';
import type { OutputOf } from '../../../shared/ipc/contract.ts';
import { useFieldRefusals } from '../hooks/use-field-refusals.ts';
import { usePending } from '../hooks/use-selectors.ts';
import { inventoryFileName } from '../lib/backup.ts';
import { fullPathProblem } from '../lib/handoff.ts';
import { useApi, useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { FilePathField } from './file-path-field.tsx';
import { Modal } from './modal.tsx';

const FORMATS: ReadonlyArray<{ value: InventoryFormatView; label: string }> = [
  { value: 'csv', label: 'CSV (spreadsheets)' },
  { value: 'json', label: 'JSON' },
];

function FormatChoice(p: {
  value: InventoryFormatView;
  onChange: (f: InventoryFormatView) => void;
}) {
  return (
    <fieldset className="choices">
      <legend>Format</legend>
      {FORMATS.map((f) => (
        <div key={f.value} className="choice">
          <input
            id={`inventory-${f.value}`}
            type="radio"
            name="inventory-format"
            value={f.value}
            checked={p.value === f.value}
            onChange={() => p.onChange(f.value)}
          />
          <label htmlFor={`inventory-${f.value}`}>{f.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

const keysText = (n: number) => (n === 1 ? '1 key' : `${n} keys`);

export function InventoryDialog() {
  const api = useApi();
  const s = useAppState(
    useShallow((st) => ({
      close: st.closeDialog,
      error: st.errors.inventory,
      failed: st.failed,
      setError: st.setError,
      setPending: st.setPending,
    })),
  );
  const busy = usePending('inventory');
  const [format, setFormat] = useState<InventoryFormatView>('csv');
  const [path, setPath] = useState('');
  const [tried, setTried] = useState(false);
  const { refused, setRefused, edit } = useFieldRefusals<'file'>();
  const [done, setDone] = useState<OutputOf<'exportInventory'> | null>(null);
  const fileProblem = refused.file ?? fullPathProblem(path, 'the inventory file');
  const name = inventoryFileName(new Date(), format);

  const chooseFormat = (f: InventoryFormatView) => {
    // A path still ending in the other format's extension follows the choice.
    const other = f === 'csv' ? '.json' : '.csv';
    if (path.endsWith(other)) setPath(`${path.slice(0, -other.length)}.${f}`);
    setFormat(f);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (busy || fileProblem) return;
    s.setError('inventory', null);
    s.setPending('inventory', true);
    const r = await api.exportInventory({ path: path.trim(), format });
    s.setPending('inventory', false);
    if (r.ok) setDone(r.value);
    else if (r.error.field === 'file') setRefused({ file: r.error.message });
    else s.failed('inventory', 'Exporting the inventory', r.error);
  };

  return (
    <Modal labelledBy="inventory-title" onClose={s.close} className="modal--form">
      <h2 id="inventory-title" className="modal__title">
        Export inventory
      </h2>
      {done ? (
        <div className="modal__body">
          <p role="status" className="proof">
            <strong>
              Wrote the inventory of {keysText(done.rows)} ({done.format.toUpperCase()}, no secrets)
              to {done.file}.
            </strong>
          </p>
          <div className="modal__actions">
            <button type="button" className="btn btn--primary" onClick={s.close} data-autofocus="">
              Close
            </button>
          </div>
        </div>
      ) : (
        <form className="modal__body" onSubmit={submit} noValidate>
          <p className="backup-note">
            One row per key, revoked ones too: account, label, environment, service, owner, status,
            held by, created, last used, rotation due, overdue and fingerprint. It holds no secrets.
          </p>
          {s.error && <ErrorAlert failure={s.error} />}
          <FormatChoice value={format} onChange={edit(chooseFormat)} />
          <FilePathField
            label="Save to file"
            value={path}
            onChange={edit(setPath)}
            kind="save"
            title="Export inventory"
            defaultName={name}
            filter={
              format === 'csv'
                ? { name: 'CSV files', extensions: ['csv'] }
                : { name: 'JSON files', extensions: ['json'] }
            }
            problem={fileProblem}
            showProblem={tried || refused.file !== undefined}
            hint={`A full path, such as /home/me/${name}; the file must not exist yet.`}
            autoFocus
          />
          <div className="modal__actions">
            <button type="button" className="btn btn--default" onClick={s.close}>
              Cancel
            </button>
            <ActionButton type="submit" variant="primary" busy={busy}>
              Export
            </ActionButton>
          </div>
        </form>
      )}
    </Modal>
  );
}
