// Step 2's "Where the old key is": every known location of the old key as last checked (path,
// variable, state), and "Replace in all", which rewrites each one that holds exactly the old key.
// The core records the new key's locations as it goes; a file the app does not know of yet goes
// through "Replace in .env files…" instead.
import { LOCATION_STATE_WORDS, sameLocation } from '../../../shared/locations.ts';
import { useRotationBusy } from '../hooks/use-rotation.ts';
import { useAppState } from '../state/context.ts';
import type { CheckedPlaces, RotationPlaces } from '../state/rotation-slice.ts';
import { ActionButton } from './action-button.tsx';

type Place = CheckedPlaces[number];

/** The shared state words; a file that now holds the new key says so. */
function stateWords(place: Place, places: RotationPlaces): string {
  if (!place.state) return 'not checked';
  const words = LOCATION_STATE_WORDS[place.state];
  const fresh = places.fresh.some((l) => l.state === 'holds' && sameLocation(l, place));
  return place.state === 'other-value' && fresh ? `${words} (the new key)` : words;
}

/** Why Replace in all has nothing to do, or null when some location holds the old key. */
export function replaceAllReason(places: RotationPlaces | undefined): string | null {
  if (!places) return 'Checking the files the app knows of…';
  if (places.old.length === 0)
    return 'The app knows of no file holding the old key: name the files with “Replace in .env files…”.';
  if (!places.old.some((l) => l.state === 'holds'))
    return 'No known location holds the old key now.';
  return null;
}

function PlaceList({ places, label }: { places: RotationPlaces; label: string }) {
  return (
    <ul className="places" aria-label={label}>
      {places.old.map((l) => (
        <li key={`${l.path}\n${l.variable}`}>
          <code className="selectable">{l.path}</code> <span className="mono">{l.variable}</span>:{' '}
          <strong>{stateWords(l, places)}</strong>
        </li>
      ))}
    </ul>
  );
}

export function RotatePlaces({ keyId }: { keyId: string }) {
  const places = useAppState((s) => s.rotationPlaces[keyId]);
  const replaceAll = useAppState((s) => s.replaceInAllLocations);
  const busy = useRotationBusy(keyId);
  return (
    <section className="places-section" aria-labelledby="rotate-places-title">
      <h4 id="rotate-places-title">Where the old key is</h4>
      {!places ? (
        <p className="muted">Checking the files the app knows of…</p>
      ) : places.old.length === 0 ? (
        <p className="muted">
          The app knows of no file holding the old key. It learns of one when it writes the key
          there (Write to .env) or finds it (Find copies… in the key's details).
        </p>
      ) : (
        <PlaceList places={places} label="Known locations of the old key" />
      )}
      <div className="button-row">
        <ActionButton
          busy={busy}
          disabledReason={replaceAllReason(places)}
          showReason
          onClick={() => void replaceAll(keyId)}
        >
          Replace in all
        </ActionButton>
      </div>
    </section>
  );
}
