// The IPC contract in shared/: every channel has zod schemas for input and output, inputs refuse
// anything unknown, and no output other than revealKey's can carry a secret.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CHANNELS,
  channelName,
  contract,
  resultSchema,
  type Channel,
} from '../../../shared/ipc/contract.ts';
import { ERROR_CODES } from '../../../shared/errors.ts';
import { validInputs } from '../../helpers/app.ts';

interface Node {
  path: string;
  schema: z.ZodType;
}

const LEAVES = [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodEnum, z.ZodLiteral, z.ZodNull];

/** Every schema node under `schema`, with the field path that leads to it. */
function walk(schema: z.ZodType, path = ''): Node[] {
  const here: Node = { path, schema };
  if (schema instanceof z.ZodObject)
    return [
      here,
      ...Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([k, v]) =>
        walk(v, path ? `${path}.${k}` : k),
      ),
    ];
  if (schema instanceof z.ZodArray)
    return [here, ...walk(schema.element as z.ZodType, `${path}[]`)];
  if (schema instanceof z.ZodUnion)
    return [here, ...(schema.options as z.ZodType[]).flatMap((o) => walk(o, path))];
  if (schema instanceof z.ZodRecord)
    return [here, ...walk(schema.valueType as z.ZodType, `${path}{}`)];
  const inner = (schema.def as { innerType?: z.ZodType }).innerType;
  if (inner) return [here, ...walk(inner, path)];
  // A kind this walker does not know would hide fields from the checks below.
  if (!LEAVES.some((L) => schema instanceof L))
    throw new Error(`unknown schema kind at "${path}": ${schema.def.type}`);
  return [here];
}

const lastField = (path: string) =>
  path
    .split('.')
    .at(-1)
    ?.replace(/(\[\]|\{\})+$/, '') ?? '';
/** A field whose own value is a string (optional, nullable and defaults unwrapped). */
function holdsString(s: z.ZodType): boolean {
  const inner = (s.def as { innerType?: z.ZodType }).innerType;
  return inner ? holdsString(inner) : s instanceof z.ZodString;
}

const inputs = validInputs({
  keyId: 'key_1',
  accountId: 'acc_1',
  label: 'ci',
  envPath: '/tmp/x/.env',
});

describe('IPC contract: the channel table', () => {
  it('has an input and an output zod schema for every channel, and nothing else', () => {
    expect(CHANNELS).toEqual(Object.keys(contract));
    expect(CHANNELS.length).toBeGreaterThan(10);
    for (const c of CHANNELS) {
      expect(Object.keys(contract[c]).sort(), c).toEqual(['input', 'output']);
      expect(contract[c].input, c).toBeInstanceOf(z.ZodType);
      expect(contract[c].output, c).toBeInstanceOf(z.ZodType);
    }
  });

  it('gives every channel a unique apexkeys:-prefixed name', () => {
    const names = CHANNELS.map(channelName);
    expect(new Set(names).size).toBe(CHANNELS.length);
    for (const n of names) expect(n).toMatch(/^apexkeys:[a-z][A-Za-z]+$/);
  });

  it('wraps values and typed errors in one Result envelope', () => {
    const r = resultSchema(z.object({ n: z.number() }));
    expect(r.safeParse({ ok: true, value: { n: 1 } }).success).toBe(true);
    expect(r.safeParse({ ok: false, error: { code: 'BAD_INPUT', message: 'm' } }).success).toBe(
      true,
    );
    expect(r.safeParse({ ok: false, error: { code: 'NOPE', message: 'm' } }).success).toBe(false);
    expect(r.safeParse({ ok: true, value: { n: 'x' } }).success).toBe(false);
    expect(ERROR_CODES).toContain('BAD_INPUT');
  });
});

describe('IPC contract: inputs', () => {
  it('accepts the sample input of every channel (so the near misses below differ in one thing)', () => {
    for (const c of CHANNELS) expect(contract[c].input.safeParse(inputs[c]).success, c).toBe(true);
  });

  it('is strict at every level: an unknown key is refused, at the top and nested', () => {
    for (const c of CHANNELS) {
      for (const node of walk(contract[c].input))
        if (node.schema instanceof z.ZodObject)
          expect(node.schema.def.catchall, `${c}.${node.path}`).toBeInstanceOf(z.ZodNever);
      const extra = { ...(inputs[c] as object), sneaky: 'avk_value' };
      expect(contract[c].input.safeParse(extra).success, c).toBe(false);
    }
    const patch = { ...inputs.updateKeyMeta, patch: { notes: 'n', label: 'renamed' } };
    expect(contract.updateKeyMeta.input.safeParse(patch).success).toBe(false);
  });

  it('bounds every string, so a renderer cannot send megabytes', () => {
    for (const c of CHANNELS)
      for (const node of walk(contract[c].input))
        if (node.schema instanceof z.ZodString)
          expect(node.schema.maxLength, `${c}.${node.path}`).not.toBeNull();
  });

  it('takes a secret only where the user pastes one (a key, a dashboard rotation, an account key)', () => {
    const carriers = CHANNELS.flatMap((c) =>
      walk(contract[c].input)
        .filter((n) => /secret|password|token/i.test(lastField(n.path)))
        .map((n) => `${c}.${n.path}`),
    );
    expect([...new Set(carriers)]).toEqual([
      'captureKey.secret',
      'startRotation.newSecret',
      'addAccount.secret',
      'captureRemoteKey.secret',
    ]);
  });
});

describe('IPC contract: outputs', () => {
  const SECRETISH = /secret|password|token|plaintext|apikey/i;
  const carriers = (c: Channel) =>
    walk(contract[c].output)
      .filter(
        (n) =>
          holdsString(n.schema) &&
          (SECRETISH.test(lastField(n.path)) || /^(key|value)$/i.test(lastField(n.path))),
      )
      .map((n) => `${c}.${n.path}`);

  it('has no string field that could carry a secret, except the two explicit reveals', () => {
    const all = CHANNELS.flatMap(carriers);
    expect([...new Set(all)]).toEqual(['revealKey.secret', 'revealPendingKey.secret']);
  });

  it('strips unknown fields from every output object (none is loose or passthrough)', () => {
    for (const c of CHANNELS)
      for (const node of walk(contract[c].output))
        if (node.schema instanceof z.ZodObject)
          expect(node.schema.def.catchall, `${c}.${node.path}`).toBeUndefined();
    const view = contract.copyKey.output.parse({
      clearAfterSec: 30,
      copiedAt: 'now',
      secret: 'avk_leak',
    });
    expect(view).toEqual({ clearAfterSec: 30, copiedAt: 'now' });
  });

  it('shows keys by fingerprint and masked hint only', () => {
    const keyView = contract.listKeys.output.element;
    expect(Object.keys(keyView.shape)).toEqual(expect.arrayContaining(['fingerprint', 'hint']));
    expect(Object.keys(keyView.shape).filter((k) => SECRETISH.test(k))).toEqual([]);
  });
});
