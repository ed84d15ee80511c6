// apexkeys inventory (issue 14): not built yet.
import { AppError } from '../../../../shared/errors.ts';
import type { CliSession } from '../../session.ts';

export function inventoryCommand(_session: CliSession, ..._args: unknown[]): Promise<void> {
  return Promise.reject(new AppError('INTERNAL', 'This command is not built yet.'));
}
