// On every screen of a demo (npm start where no keychain could be reached): nothing typed here
// is kept, so the user must never mistake it for the real app holding their keys.
import { useAppState } from '../state/context.ts';

export const DEMO_NOTICE = 'Demo: a throwaway keychain and data folder, deleted when you quit.';

export function DemoBanner() {
  const demo = useAppState((s) => s.status?.demo ?? false);
  if (!demo) return null;
  return (
    <aside className="banner banner--demo" aria-label="Demo">
      <p>
        <strong>{DEMO_NOTICE}</strong> No OS keychain could be reached on this machine, so the app
        runs on the built-in sandbox with keys that vanish on quit. Install and unlock a keychain
        (see the README) to keep real keys.
      </p>
    </aside>
  );
}
