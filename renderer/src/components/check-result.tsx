// One call of the credits endpoint with the new key, as evidence: what it answered, and when.
import type { CheckEvidence } from '../../../shared/rotation.ts';
import { codeWords } from '../lib/errors.ts';
import { Stamp } from './stamp.tsx';

const number = new Intl.NumberFormat();

function answer(c: CheckEvidence): string {
  if (c.outcome === 'ok')
    return c.credits
      ? `answered 200 OK (credits: ${number.format(c.credits.email)} email · ${number.format(c.credits.phone)} phone)`
      : 'answered 200 OK';
  if (c.outcome === 'unauthorized') return 'answered 401 Unauthorized';
  const why = codeWords(c.errorCode);
  return `could not be checked${why ? ` (${why})` : ''}`;
}

export function CheckResult({ check }: { check: CheckEvidence }) {
  return (
    <span className={`outcome outcome--${check.outcome}`}>
      {answer(check)}, <Stamp iso={check.at} />
    </span>
  );
}
