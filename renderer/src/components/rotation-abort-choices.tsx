// What each abort choice does, in words, and once the new key is out in files, to which files:
// revoking it first writes the old key back there; keeping it leaves them holding it.
import type { ReactNode } from 'react';
import type { AbortChoice } from '../../../shared/rotation.ts';

export const ABORT_TITLES: Record<AbortChoice, string> = {
  'revoke-new': 'Revoke the new key now',
  'keep-new': 'Keep the new key as a separate key',
  dashboard: 'Mark the new key for revocation in the dashboard',
};

export interface AbortContext {
  /** The deployment was confirmed, or the rotation changed files: the new key may be in use. */
  deployed: boolean;
  /** Files known to hold the new key now. */
  newHeld: string[];
}

const list = (paths: string[]) => paths.join(', ');

/** The consequences of `choice`, spelled out for this run. */
export function abortMeaning(choice: AbortChoice, { deployed, newHeld }: AbortContext): ReactNode {
  const files = newHeld.length > 0;
  switch (choice) {
    case 'revoke-new':
      return (
        <>
          {files &&
            `First the app writes the old key back into the files that hold the new key (${list(newHeld)}); they keep working with the old key. `}
          The app revokes the new key on ApexVerify and proves it answers 401.
          {deployed && ' Anything else you gave the new key (a server, a CI secret) stops working.'}
        </>
      );
    case 'keep-new':
      return (
        <>
          It stays active under a label of its own (“…-new”), and so does the old key.
          {files && ` The files stay as they are: ${list(newHeld)} keep the new key.`}
        </>
      );
    case 'dashboard':
      return (
        <>
          It is kept with a note; revoke it yourself in the dashboard, then record it here.
          {files && ` The files stay as they are: ${list(newHeld)} keep the new key.`}
        </>
      );
  }
}
