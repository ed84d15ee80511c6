// Terminal input and output for the CLI. Secrets arrive on stdin only, never as arguments
// (arguments show up in `ps` and shell history).
import { AppError } from '../../shared/errors.ts';

const MAX_STDIN = 64 * 1024;

export function warn(message: string): void {
  process.stderr.write(`apexkeys: warning: ${message}\n`);
}

export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

async function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (err?: AppError) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003')
          return finish(new AppError('CANCELLED', 'Cancelled; nothing was stored.'));
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * The secret from stdin. One trailing line break (as `echo` adds) is dropped; anything else,
 * including inner line breaks or whitespace, is left for the secret rules to refuse.
 */
export async function readSecret(what: string): Promise<string> {
  if (process.stdin.isTTY) return readHidden(`Paste ${what} and press Enter (input is hidden): `);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_STDIN)
      throw new AppError(
        'BAD_INPUT',
        `The input on stdin is larger than ${MAX_STDIN} bytes; expected one key.`,
      );
    chunks.push(buf);
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** A compact, aligned table for humans; --json is for scripts. */
export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(headers)}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}
