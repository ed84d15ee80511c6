// The revealed key, with how long it stays on screen. Rendered only while revealed.
import { useSecondsLeft } from '../hooks/use-now.ts';

export function SecretView({ secret, hidesAt }: { secret: string; hidesAt: number }) {
  const left = useSecondsLeft(hidesAt);
  return (
    <div className="secret" role="group" aria-label="Revealed key">
      <code className="secret__value" data-secret="">
        {secret}
      </code>
      <span className="secret__timer">Hides in {left} s</span>
    </div>
  );
}
