// A full-window stop for a store that cannot be read, or a host that does not answer.
import type { ErrorInfo } from '../../../shared/errors.ts';
import { ActionButton } from './action-button.tsx';

interface Props {
  title: string;
  explanation: string;
  error: ErrorInfo;
  retrying: boolean;
  onRetry: () => void;
}

export function ProblemScreen({ title, explanation, error, retrying, onRetry }: Props) {
  return (
    <main className="screen" aria-labelledby="screen-title">
      <div className="screen__card">
        <h1 id="screen-title">{title}</h1>
        <p>{explanation}</p>
        <p className="screen__reason" role="alert">
          {error.message}
        </p>
        <ActionButton variant="primary" busy={retrying} onClick={onRetry}>
          Try again
        </ActionButton>
      </div>
    </main>
  );
}
