// A channel whose handler is not written yet answers with a clear refusal, never a crash.
// Temporary: removed once every group's handlers exist.
import { AppError } from '../../../shared/errors.ts';

export function notBuilt(): never {
  throw new AppError('INTERNAL', 'This part of the app is not built yet.');
}
