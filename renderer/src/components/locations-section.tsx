// "Where this key is": the files the key was written into or found in, one per file with its
// variables, when each was recorded and what the last Check found; Check, Find copies… and a
// Forget per file. A revoked key's list is read-only. Only paths and variable names: no value.
import { useShallow } from 'zustand/react/shallow';
import { LOCATION_STATE_WORDS, sameLocation, type KeyLocation } from '../../../shared/locations.ts';
import type { KeyView } from '../../../shared/views.ts';
import { usePending } from '../hooks/use-selectors.ts';
import { useAppState } from '../state/context.ts';
import type { LocationView } from '../state/locations-slice.ts';
import { ActionButton } from './action-button.tsx';
import { WrappingPath } from './wrapping-path.tsx';
import { RelativeTime } from './relative-time.tsx';

const EMPTY = 'No known locations. Write to .env or Find copies… to record one.';

/** The locations grouped by file, in the order first recorded. */
function byFile(locations: readonly KeyLocation[]): Array<[string, KeyLocation[]]> {
  const files = new Map<string, KeyLocation[]>();
  for (const l of locations) files.set(l.path, [...(files.get(l.path) ?? []), l]);
  return [...files];
}

/** "holds this key (2), file missing (1)": what the last Check found, for the status line. */
function checkSummary(checked: readonly LocationView[]): string {
  const counts = new Map<keyof typeof LOCATION_STATE_WORDS, number>();
  for (const l of checked) if (l.state) counts.set(l.state, (counts.get(l.state) ?? 0) + 1);
  const parts = [...counts].map(([state, n]) => `${LOCATION_STATE_WORDS[state]} (${n})`);
  return `Last check: ${parts.join(', ')}.`;
}

function FileItem(p: {
  keyId: string;
  path: string;
  variables: KeyLocation[];
  checked: LocationView[] | undefined;
  readOnly: boolean;
}) {
  const forget = useAppState((s) => s.forgetLocation);
  const busy = usePending(`forget:${p.keyId}:${p.path}`);
  return (
    <li className="location">
      <div className="location__head">
        <span className="location__path mono">
          <WrappingPath path={p.path} />
        </span>
        {!p.readOnly && (
          <ActionButton
            variant="quiet"
            busy={busy}
            aria-label={`Forget ${p.path}`}
            title="Stop tracking this file (it is not changed)"
            onClick={() => void forget(p.keyId, p.path)}
          >
            Forget
          </ActionButton>
        )}
      </div>
      <ul className="location__vars">
        {p.variables.map((l) => {
          const state = p.checked?.find((c) => sameLocation(c, l))?.state;
          return (
            <li key={l.variable}>
              <span className="mono">{l.variable}</span>
              <span className="muted">
                {' '}
                · recorded <RelativeTime iso={l.recordedAt} />
              </span>
              {state && (
                <span className={`location__state location__state--${state}`}>
                  {' '}
                  · {LOCATION_STATE_WORDS[state]}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

export function LocationsSection({ keyView: k }: { keyView: KeyView }) {
  const { checked, check, openDialog } = useAppState(
    useShallow((s) => ({
      checked: s.locationChecks[k.id],
      check: s.checkLocations,
      openDialog: s.openDialog,
    })),
  );
  const checking = usePending(`locations:${k.id}`);
  const locations = k.locations ?? [];
  // A revoked key is shown as it was; a key created elsewhere has no secret here to compare.
  const readOnly = k.status === 'revoked' || k.custody !== 'local';
  const current = checked?.filter((c) => locations.some((l) => sameLocation(l, c)));
  return (
    <div role="group" className="details__section" aria-labelledby="locations-heading">
      <div className="section-head locations-head">
        <h3 id="locations-heading">Where this key is</h3>
        {!readOnly && (
          <div className="button-row">
            <ActionButton
              busy={checking}
              disabledReason={locations.length === 0 ? 'No known locations to check.' : null}
              onClick={() => void check(k.id)}
            >
              Check
            </ActionButton>
            <ActionButton onClick={() => openDialog({ kind: 'scan', keyId: k.id })}>
              Find copies…
            </ActionButton>
          </div>
        )}
      </div>
      {locations.length === 0 ? (
        <p className="muted">{EMPTY}</p>
      ) : (
        <ul className="locations" aria-label={`Files holding ${k.label}`}>
          {byFile(locations).map(([path, vars]) => (
            <FileItem
              key={path}
              keyId={k.id}
              path={path}
              variables={vars}
              checked={current}
              readOnly={readOnly}
            />
          ))}
        </ul>
      )}
      <p role="status" className="muted">
        {current?.length ? checkSummary(current) : ''}
      </p>
    </div>
  );
}
