// What a finished Find copies found: files read, skipped by reason, the limit that stopped it,
// each file holding the key (recorded as a location when it is an assignment), and how many
// locations were added. Paths and counts only.
import type { FindCopiesJob } from '../state/locations-slice.ts';
import { WrappingPath } from './wrapping-path.tsx';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const filesWord = (n: number) => count(n, 'file', 'files');

const LIMIT_WORDS: Record<NonNullable<FindCopiesJob['limitHit']>, string> = {
  files: 'Stopped at the file limit: name a smaller folder to look further.',
  time: 'Stopped at the time limit: name a smaller folder to look further.',
  cancelled: 'Cancelled before the end: what was found so far is kept.',
};

/** The one line the status region reads out: progress, or how the search ended. */
export function statusLine(job: FindCopiesJob | null): string {
  if (!job || job.state === 'failed') return '';
  if (job.state === 'running') return `Searching… ${filesWord(job.read)} read so far.`;
  const added = count(job.added, 'new location', 'new locations');
  const how = job.state === 'cancelled' ? 'Search cancelled' : 'Search finished';
  return `${how}: ${filesWord(job.read)} read, ${added} recorded.`;
}

export function FindCopiesSummary({ job }: { job: FindCopiesJob }) {
  if (job.state === 'failed') return null;
  const s = job.skipped;
  const skipped = [
    count(s.ignoredDirs, 'node_modules or .git folder', 'node_modules or .git folders'),
    count(s.tooLarge, 'file over 1 MiB', 'files over 1 MiB'),
    count(s.binary, 'binary file', 'binary files'),
    count(s.symlinks, 'link out of the folder', 'links out of the folder'),
    count(s.unreadable, 'unreadable', 'unreadable'),
  ];
  return (
    <div className="copies-summary">
      <dl className="facts">
        <dt>Files read</dt>
        <dd>{job.read}</dd>
        <dt>Skipped</dt>
        <dd>{skipped.join(', ')}</dd>
        <dt>Found in</dt>
        <dd>{filesWord(job.hits.length)}</dd>
        <dt>Added</dt>
        <dd>{count(job.added, 'new location', 'new locations')}</dd>
      </dl>
      {job.limitHit && <p role="note">{LIMIT_WORDS[job.limitHit]}</p>}
      {job.hits.length > 0 && (
        <ul className="copies-hits" aria-label="Files holding the key">
          {job.hits.map((h) => (
            <li key={h.path}>
              <span className="mono location__path">
                <WrappingPath path={h.path} />
              </span>
              <span className="muted">
                {h.variables.length
                  ? ` · ${h.variables.join(', ')}`
                  : ' · holds the key, but not as an assignment: not recorded'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
