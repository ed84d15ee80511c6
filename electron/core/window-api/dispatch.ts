// The one path every call takes, whatever the transport: known channel, input parsed with the
// channel's schema, handler, output parsed, and a typed error (never a stack) on failure.
import { toErrorInfo } from '../../../shared/errors.ts';
import { contract, type Channel, type Result } from '../../../shared/ipc/contract.ts';
import type { Handlers } from './handlers.ts';

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.hasOwn(contract, name);

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  raw: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return { ok: false, error: { code: 'BAD_INPUT', message: 'Unknown request.' } };
  const parsed = contract[channel].input.safeParse(raw ?? {});
  if (!parsed.success) {
    // Paths and the rule broken, never the values (a value may be a pasted secret).
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || 'input'}: ${i.code}`)
      .join('; ');
    return {
      ok: false,
      error: { code: 'BAD_INPUT', message: `The request was malformed (${where}).` },
    };
  }
  try {
    // The handler table is keyed by the same channel, so this call is type-correct per channel.
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    const value: unknown = await handler(parsed.data);
    return { ok: true, value: contract[channel].output.parse(value) };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
}
