// The inventory (issue 14): one row per key, revoked ones included, for spreadsheets and
// auditors. It holds metadata only, never a secret (not even the masked hint). The due date and
// "overdue" follow the window's own rule (shared/due.ts). CSV is written by hand to RFC 4180: no
// CSV library is installed, and the quoting is a few lines.
import { dueState } from '../../shared/due.ts';
import type { CoreDeps } from './deps.ts';
import { toView } from './key-records.ts';

export const INVENTORY_FORMATS = ['csv', 'json'] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];

export interface InventoryRow {
  account: string;
  label: string;
  environment: string;
  service: string;
  owner: string;
  status: string;
  /** Who holds the secret when it was handed over (custody 'held'); empty otherwise. */
  heldBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  rotationDueAt: string | null;
  overdue: boolean;
  fingerprint: string;
}

/** The CSV header, in column order: the words a spreadsheet shows. */
export const INVENTORY_COLUMNS: ReadonlyArray<[keyof InventoryRow, string]> = [
  ['account', 'account'],
  ['label', 'label'],
  ['environment', 'environment'],
  ['service', 'service'],
  ['owner', 'owner'],
  ['status', 'status'],
  ['heldBy', 'held by'],
  ['createdAt', 'created at'],
  ['lastUsedAt', 'last used at'],
  ['rotationDueAt', 'rotation due'],
  ['overdue', 'overdue'],
  ['fingerprint', 'fingerprint'],
];

export async function inventoryRows(
  deps: Pick<CoreDeps, 'store' | 'clock'>,
): Promise<InventoryRow[]> {
  const data = await deps.store.read();
  const now = deps.clock.now().getTime();
  const rows = data.keys.map((key): InventoryRow => {
    const v = toView(data, key);
    return {
      account: v.account,
      label: v.label,
      environment: v.environment,
      service: v.service,
      owner: v.owner,
      status: v.status,
      heldBy: v.custody === 'held' ? (key.heldBy ?? v.owner) : '',
      createdAt: v.createdAt,
      lastUsedAt: v.lastUsedAt,
      rotationDueAt: v.rotationDueAt,
      overdue: dueState(v.rotationDueAt, now, data.settings.reminderDays) === 'overdue',
      fingerprint: v.fingerprint,
    };
  });
  return rows.sort((a, b) => a.account.localeCompare(b.account) || a.label.localeCompare(b.label));
}

// A cell a spreadsheet would run as a formula: =, +, - and @ (and a leading tab or carriage
// return, which some strip before looking) start one. Such a cell gets a leading apostrophe, the
// spreadsheets' own "this is text" mark (OWASP's advice against CSV injection), so a label or
// owner someone typed as "=HYPERLINK(…)" shows as text instead of running.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const cell = (v: string | boolean | null): string =>
  v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;

/** The header and one record per row, CRLF line ends (RFC 4180). */
export function inventoryCsv(rows: InventoryRow[]): string {
  const lines = [INVENTORY_COLUMNS.map(([, title]) => csvField(title)).join(',')];
  for (const row of rows)
    lines.push(INVENTORY_COLUMNS.map(([key]) => csvField(cell(row[key]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function inventoryJson(rows: InventoryRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}
