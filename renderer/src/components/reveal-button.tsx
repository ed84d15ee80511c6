// Reveal, or Hide while the secret is shown: one toggle wherever a key can be revealed.
import type { Reveal } from '../hooks/use-reveal.ts';
import { ActionButton } from './action-button.tsx';

export function RevealButton({ reveal, label = 'Reveal' }: { reveal: Reveal; label?: string }) {
  return reveal.secret === null ? (
    <ActionButton busy={reveal.busy} onClick={() => void reveal.reveal()}>
      {label}
    </ActionButton>
  ) : (
    <ActionButton onClick={reveal.hide}>Hide</ActionButton>
  );
}
