// Terminal input and output for the CLI. Secrets arrive on stdin only, never as arguments
// (arguments show up in `ps` and shell history).
import { AppError } from '../../shared/errors.ts';

const MAX_STDIN = 64 * 1024;

// C0 controls (but the line break and tab), DEL and C1 controls: printed raw, they clear the screen,
// move the cursor or retitle the terminal. A label, an account name, a path or a command name
// typed by the user (or read from a file) may hold them, and messages echo those.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const hex = (ch: string) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * Text made safe to print: every control character but the line break and tab shown as \xHH. Every
 * line the CLI prints goes through here, except the secret `key get` prints (never altered).
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROL, hex);
}

/** One table cell or one-line value: line breaks are escaped too, so a row stays one line. */
export function oneLineSafe(text: string): string {
  return text.replace(ANY_CONTROL, hex);
}

export function warn(message: string): void {
  process.stderr.write(`apexkeys: warning: ${terminalSafe(message)}\n`);
}

export function info(message: string): void {
  process.stderr.write(`${terminalSafe(message)}\n`);
}

/** The one line a failed command prints on stderr. */
export function printError(message: string): void {
  process.stderr.write(`apexkeys: ${terminalSafe(message)}\n`);
}

/** A line of data on stdout (never the secret: `key get` writes that itself). */
export function printLine(text: string): void {
  process.stdout.write(`${terminalSafe(text)}\n`);
}

/** commander's own messages ("unknown option '…'") echo arguments too. */
export const commanderOutput = {
  outputError: (text: string, write: (s: string) => void) => write(terminalSafe(text)),
};

export function printJson(value: unknown): void {
  // JSON.stringify escapes C0 controls but leaves DEL and C1 raw; \u escapes keep it valid JSON.
  const json = JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  process.stdout.write(`${json}\n`);
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
export function printTable(headers: string[], rawRows: string[][]): void {
  const rows = rawRows.map((r) => r.map(oneLineSafe));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(headers)}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}
