// "Copied. Clipboard clears in 29 s": main clears the clipboard (if it still holds the key);
// this only counts down to it, then says so and goes away.
import { useEffect, useRef } from 'react';
import { useSecondsLeft } from '../hooks/use-now.ts';

const LINGER_MS = 3000;

export function ClipboardCountdown({ clearsAt, onDone }: { clearsAt: number; onDone: () => void }) {
  const left = useSecondsLeft(clearsAt);
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  });
  useEffect(() => {
    if (left > 0) return;
    const t = setTimeout(() => onDoneRef.current(), LINGER_MS);
    return () => clearTimeout(t);
  }, [left]);
  return (
    <div role="status" className="status-bar__copy">
      {left > 0 ? (
        <>
          Copied. Clipboard clears in{' '}
          {/* The ticking number is shown, not announced every second; the copy and the clear are. */}
          <span aria-live="off">{left} s</span>
        </>
      ) : (
        'The key was cleared from the clipboard.'
      )}
    </div>
  );
}
