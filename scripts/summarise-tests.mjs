// Prints the plain closing line CI reads: "N passed, N failed" (", N skipped" when any), over the
// Vitest JSON report and any Playwright JSON reports given after it (a missing report is skipped).
import { existsSync, readFileSync } from 'node:fs';

const [vitestReport, ...playwrightReports] = process.argv.slice(2);
const total = { passed: 0, failed: 0, skipped: 0 };

if (vitestReport && existsSync(vitestReport)) {
  const r = JSON.parse(readFileSync(vitestReport, 'utf8'));
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests;
  total.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
for (const file of playwrightReports) {
  if (!existsSync(file)) continue;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  total.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  total.failed += s.unexpected ?? 0;
  total.skipped += s.skipped ?? 0;
}
process.stdout.write(
  `\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}\n`,
);
