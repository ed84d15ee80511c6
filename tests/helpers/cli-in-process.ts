// One apexkeys invocation run inside the test's own process: the execute() the built CLI's entry
// calls (electron/cli/main.ts), with its own stdout, stderr and stdin. A spawned CLI costs about a
// third of a second of CPU to start, and the suite runs hundreds; what a command does with the
// store, the keychain and the server is the same either way. The process itself (piped output
// draining, the bundle's start, exit codes set by signals, concurrent processes) is tested by the
// suites that spawn the built CLI (tests/helpers/cli.ts says which invocations still do).
import { AsyncLocalStorage } from 'node:async_hooks';
import { Readable } from 'node:stream';
import type { CliResult } from './cli.ts';

interface Capture {
  stdout: string[];
  stderr: string[];
  stdin: Readable;
}

// Which invocation a write belongs to: follows the invocation's async work (keychain calls, HTTP,
// timers) however it interleaves with the test's own.
const current = new AsyncLocalStorage<Capture>();
let installed = false;

type Write = typeof process.stdout.write;

function captureWrites(name: 'stdout' | 'stderr'): void {
  const stream = process[name];
  const original = stream.write.bind(stream) as Write;
  const write = (
    chunk: string | Uint8Array,
    encoding?: BufferEncoding | ((err?: Error | null) => void),
    cb?: (err?: Error | null) => void,
  ): boolean => {
    const c = current.getStore();
    // Outside an invocation (vitest's own output): the real stream.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Write's overloads, forwarded as given
    if (!c) return (original as (...a: any[]) => boolean)(chunk, encoding, cb);
    c[name].push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : cb;
    if (done) process.nextTick(done);
    return true;
  };
  stream.write = write as Write;
}

function install(): void {
  if (installed) return;
  installed = true;
  captureWrites('stdout');
  captureWrites('stderr');
  // process.stdin is a getter made on first use; an invocation reads its own input instead.
  const real = Object.getOwnPropertyDescriptor(process, 'stdin');
  Object.defineProperty(process, 'stdin', {
    configurable: true,
    enumerable: true,
    get: () => current.getStore()?.stdin ?? real?.get?.call(process),
  });
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** Runs `apexkeys ...args` with `env` as its whole environment and `input` on a piped stdin. */
export async function runInProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  input: string,
): Promise<CliResult> {
  install();
  // Loaded on first use: a file that only spawns the CLI never loads its sources.
  const { execute } = await import('../../electron/cli/execute.ts');
  const capture: Capture = { stdout: [], stderr: [], stdin: Readable.from([Buffer.from(input)]) };
  // A command listens for Ctrl-C while it works (verify --all); a process ends with it, but here
  // the listeners would pile up, so the ones an invocation left are taken away after it.
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  let code: number;
  try {
    ({ code } = await current.run(capture, () =>
      execute([process.execPath, 'apexkeys', ...args], env),
    ));
  } catch (e) {
    // execute() catches everything a command throws; reaching here is a defect in it.
    capture.stderr.push(`in-process run threw: ${String((e as Error)?.stack ?? e)}\n`);
    code = 70;
  } finally {
    for (const s of SIGNALS)
      for (const l of process.listeners(s))
        if (!before.get(s)?.has(l)) process.off(s, l as (...a: unknown[]) => void);
  }
  return { code, stdout: capture.stdout.join(''), stderr: capture.stderr.join('') };
}
