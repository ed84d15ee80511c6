// apexkeys inventory [--format csv|json] [--file PATH]: every key without its secret. To a file
// (new only: an inventory never replaces a file, mode 0600) or to stdout.
import type { Command } from 'commander';
import { writeNewFile } from '../../../core/handoff/new-file.ts';
import {
  inventoryCsv,
  inventoryJson,
  inventoryRows,
  type InventoryFormat,
  type InventoryRow,
} from '../../../core/inventory.ts';
import { oneLineSafe, printJson, printLine } from '../../io.ts';
import type { CliSession } from '../../session.ts';

/** Cells made safe for a terminal (the file keeps them as stored: the CSV quoting covers them). */
const terminalRow = (row: InventoryRow): InventoryRow => {
  const safe = (v: string | null) => (v === null ? null : oneLineSafe(v));
  return {
    ...row,
    account: oneLineSafe(row.account),
    label: oneLineSafe(row.label),
    environment: oneLineSafe(row.environment),
    service: oneLineSafe(row.service),
    owner: oneLineSafe(row.owner),
    heldBy: oneLineSafe(row.heldBy),
    lastUsedAt: safe(row.lastUsedAt),
  };
};

export async function inventoryCommand(
  session: CliSession,
  o: { format: InventoryFormat; file?: string },
  cmd: Command,
): Promise<void> {
  const core = await session.openCore(cmd);
  const rows = await inventoryRows(core);
  if (o.file !== undefined) {
    const text = o.format === 'csv' ? inventoryCsv(rows) : inventoryJson(rows);
    const path = writeNewFile(o.file, text, 'the inventory file');
    const keys = rows.length === 1 ? '1 key' : `${rows.length} keys`;
    printLine(`Wrote the inventory of ${keys} (${o.format}, no secrets) to ${path}.`);
    return;
  }
  if (o.format === 'json') printJson(rows);
  else process.stdout.write(inventoryCsv(rows.map(terminalRow)));
}
