// npm run bench:ui: builds the bench:ui pages (bench/ui), serves them on 127.0.0.1, and drives
// Debian's Chromium headless over the app's virtualized key list and the plain React baseline at
// 10,000 keys. Prints time to the first rendered rows, filter keystroke → updated list latency
// (median, p95), rows in the DOM and JS heap used, for both, with the baseline/virtualized
// ratios. Times are reported, never asserted: they depend on the machine. The one check is
// structural: the virtualized list must keep fewer than 200 rows in the DOM.
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';

const KEYS = 10_000;
/** Page loads per variant; the time to first rows is their median. */
const LOADS = 3;
/** A label of the generated list (bench/ui/src/fake-keys.ts): typed one character at a time. */
const PROBE = 'checkout-prod-00042';
/** The baseline re-renders thousands of rows per keystroke: fewer keystrokes, and a time cap. */
const BASELINE_KEYSTROKES = 8;
const BASELINE_BUDGET_MS = 90_000;
const MAX_VIRTUAL_ROWS = 200;

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const OUT = here('../../out/bench-ui');

/** What bench/ui/src/bench-hook.ts installs as window.__bench. */
interface BenchHook {
  mode: 'virtual' | 'baseline';
  keyCount: number;
  ready: Promise<{ firstRowsMs: number }>;
  rowCount(): number;
  visibleCount(): number;
  matchCount(text: string): number;
  filter(text: string): Promise<number>;
  heapUsed(): number | null;
}
type BenchWindow = { __bench: BenchHook };

interface Result {
  firstRowsMs: number[];
  filterMs: number[];
  /** Keystrokes typed (the texts, for the record). */
  typed: string[];
  rows: number;
  listed: number;
  heapBytes: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A tiny static server for out/bench-ui on 127.0.0.1 (module scripts need http). */
async function serve(root: string): Promise<{ server: Server; base: string }> {
  const realRoot = await realpath(root);
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1);
    const file = join(realRoot, rel || 'index.html');
    if (!file.startsWith(realRoot + sep)) return void res.writeHead(404).end();
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Nearest-rank percentile: with few samples, p95 is the slowest one. */
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] as number;
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

async function load(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const { firstRowsMs } = await page.evaluate(
    () => (window as unknown as BenchWindow).__bench.ready,
  );
  return firstRowsMs;
}

async function measure(
  browser: Browser,
  base: string,
  file: 'index.html' | 'baseline.html',
  keystrokes: number,
  budgetMs: number,
): Promise<Result> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const url = `${base}/${file}?keys=${KEYS}`;
  try {
    const firstRowsMs: number[] = [];
    for (let i = 0; i < LOADS; i++) firstRowsMs.push(await load(page, url));

    const hook = await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      return { keyCount: b.keyCount, rows: b.rowCount(), listed: b.visibleCount() };
    });
    if (hook.keyCount !== KEYS)
      throw new Error(`${file} loaded ${hook.keyCount} keys, not ${KEYS}`);
    const heapBytes = await heapAfterGc(cdp);

    // Prefixes of one label, one keystroke each; the list must then show exactly the matches.
    const texts = Array.from({ length: PROBE.length }, (_, i) => PROBE.slice(0, i + 1))
      .slice(0, keystrokes)
      .concat(keystrokes >= PROBE.length ? [''] : []);
    const filterMs: number[] = [];
    const typed: string[] = [];
    const started = Date.now();
    for (const text of texts) {
      if (Date.now() - started > budgetMs) break;
      const r = await page.evaluate(async (t) => {
        const b = (window as unknown as BenchWindow).__bench;
        const ms = await b.filter(t);
        return { ms, shown: b.visibleCount(), expected: b.matchCount(t) };
      }, text);
      if (r.shown !== r.expected)
        throw new Error(`${file}: "${text}" listed ${r.shown} keys, expected ${r.expected}`);
      filterMs.push(r.ms);
      typed.push(text);
    }
    return { firstRowsMs, filterMs, typed, rows: hook.rows, listed: hook.listed, heapBytes };
  } finally {
    await context.close();
  }
}

const ms = (x: number) => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`;
const ratio = (b: number, v: number) => (v > 0 ? `${(b / v).toFixed(1)}×` : 'n/a');

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('   '),
    )
    .join('\n');
}

async function main(): Promise<number> {
  process.stdout.write('bench:ui: building bench/ui …\n');
  // 'error': Rollup's notes on zod's comments are noise here.
  await build({ configFile: here('../ui/vite.config.ts'), logLevel: 'error' });
  const { server, base } = await serve(OUT);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
    headless: true,
  });
  try {
    process.stdout.write(`bench:ui: Chromium ${browser.version()} headless, ${base}\n`);
    process.stdout.write('bench:ui: virtualized (index.html) …\n');
    const virt = await measure(browser, base, 'index.html', PROBE.length, Infinity);
    process.stdout.write('bench:ui: baseline, plain React (baseline.html) …\n');
    const plain = await measure(
      browser,
      base,
      'baseline.html',
      BASELINE_KEYSTROKES,
      BASELINE_BUDGET_MS,
    );

    // Latency ratios compare the same keystrokes: the baseline's, which are the virtualized
    // run's first ones.
    const same = virt.filterMs.slice(0, plain.filterMs.length);
    const out = [
      ['', 'virtualized', 'baseline', 'baseline/virtualized'],
      [
        `time to first rows (median of ${LOADS} loads)`,
        ms(median(virt.firstRowsMs)),
        ms(median(plain.firstRowsMs)),
        ratio(median(plain.firstRowsMs), median(virt.firstRowsMs)),
      ],
      [
        `filter → updated list, median (${virt.filterMs.length} / ${plain.filterMs.length} keystrokes)`,
        ms(median(virt.filterMs)),
        ms(median(plain.filterMs)),
        ratio(median(plain.filterMs), median(same)),
      ],
      [
        'filter → updated list, p95',
        ms(percentile(virt.filterMs, 95)),
        ms(percentile(plain.filterMs, 95)),
        ratio(percentile(plain.filterMs, 95), percentile(same, 95)),
      ],
      ['rows in the DOM', String(virt.rows), String(plain.rows), ratio(plain.rows, virt.rows)],
      [
        'JS heap used (after GC)',
        mb(virt.heapBytes),
        mb(plain.heapBytes),
        ratio(plain.heapBytes, virt.heapBytes),
      ],
    ];
    process.stdout.write(
      `\nbench:ui — ${KEYS.toLocaleString('en')} keys (${virt.listed.toLocaleString('en')} listed: live keys only)\n\n`,
    );
    process.stdout.write(`${table(out)}\n\n`);
    process.stdout.write(
      [
        `Keystrokes: the prefixes of "${PROBE}", one character at a time${virt.typed.includes('') ? ', then clearing the box' : ''}; each is timed from the input event to the next painted frame after the list updated.`,
        `The baseline typed only the first ${plain.filterMs.length} (it re-renders every matching row on each keystroke${plain.filterMs.length < BASELINE_KEYSTROKES ? `, and hit its ${BASELINE_BUDGET_MS / 1000} s budget` : ''}); its latency ratios compare it with the virtualized list's same ${same.length} keystrokes (median ${ms(median(same))}, p95 ${ms(percentile(same, 95))}).`,
        `p95 is nearest-rank: with ${plain.filterMs.length} samples it is the baseline's slowest keystroke.`,
        'Times depend on the machine and its load; they are reported, not asserted.',
      ].join('\n') + '\n',
    );
    const ok = virt.rows < MAX_VIRTUAL_ROWS;
    process.stdout.write(
      `\nVirtualized rows in the DOM: ${virt.rows} (${ok ? 'fewer than' : 'NOT fewer than'} ${MAX_VIRTUAL_ROWS}).\n`,
    );
    return ok ? 0 : 1;
  } finally {
    await browser.close();
    server.close();
  }
}

process.exitCode = await main();
