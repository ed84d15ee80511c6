// "Export inventory…": one row per key, without any secret, for spreadsheets and auditors, written
// in main to a new file as CSV or JSON.
import { useState } from 'react';
import type { InventoryFormatView } from '../../../shared/ipc/backup-channels.ts';
import { atFields, useDialogAction } from '../hooks/use-dialog-action.ts';
import { inventoryFileName } from '../lib/backup.ts';
import { fullPathProblem } from '../lib/handoff.ts';
import { useApi } from '../state/context.ts';
import { FilePathField } from './file-path-field.tsx';
import { FormDialog } from './form-dialog.tsx';

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
  const [format, setFormat] = useState<InventoryFormatView>('csv');
  const [path, setPath] = useState('');
  const d = useDialogAction({
    scope: 'inventory',
    what: 'Exporting the inventory',
    placeRefusal: atFields('file'),
    call: () => api.exportInventory({ path: path.trim(), format }),
  });
  const fileProblem = d.refused.file ?? fullPathProblem(path, 'the inventory file');
  const name = inventoryFileName(new Date(), format);

  const chooseFormat = (f: InventoryFormatView) => {
    // A path still ending in the other format's extension follows the choice.
    const other = f === 'csv' ? '.json' : '.csv';
    if (path.endsWith(other)) setPath(`${path.slice(0, -other.length)}.${f}`);
    setFormat(f);
  };

  return (
    <FormDialog
      name="inventory"
      title="Export inventory"
      form={d}
      done={
        d.done && (
          <p role="status" className="proof">
            <strong>
              Wrote the inventory of {keysText(d.done.rows)} ({d.done.format.toUpperCase()}, no
              secrets) to {d.done.file}.
            </strong>
          </p>
        )
      }
      intro={
        <p className="backup-note">
          One row per key, revoked ones too: account, label, environment, service, owner, status,
          held by, created, last used, rotation due, overdue and fingerprint. It holds no secrets.
        </p>
      }
      problems={{ file: fileProblem }}
      action="Export"
    >
      <FormatChoice value={format} onChange={d.edit(chooseFormat)} />
      <FilePathField
        label="Save to file"
        value={path}
        onChange={d.edit(setPath)}
        kind="save"
        title="Export inventory"
        defaultName={name}
        filter={
          format === 'csv'
            ? { name: 'CSV files', extensions: ['csv'] }
            : { name: 'JSON files', extensions: ['json'] }
        }
        problem={fileProblem}
        showProblem={d.shows('file')}
        hint={`A full path, such as /home/me/${name}; the file must not exist yet.`}
        autoFocus
      />
    </FormDialog>
  );
}
