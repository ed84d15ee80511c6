// The parts of a key row that give way as the list narrows (grid.css states the order): the
// label's second line takes the account and the environment once their columns hide, and the
// rotation pill says less when its cell is narrow. Both forms are rendered and CSS (container
// queries on the list and on the label cell) shows one, so no JS measures the window.
import type { KeyView } from '../../../shared/views.ts';

export function EnvTag({ environment, className }: { environment: string; className?: string }) {
  const kind = environment === 'production' ? 'prod' : 'other';
  return (
    <span className={`env env--${kind}${className ? ` ${className}` : ''}`} title={environment}>
      {environment}
    </span>
  );
}

/**
 * The label's second line: the service, after the account (always with one account; with several,
 * only once the account column has hidden) and the environment (once its column has hidden). The
 * separators sit inside the parts, so a part that is not shown leaves none behind; a line cut
 * short ends in an ellipsis and the title holds the whole line.
 */
export function KeyDetail({ keyView: k, showAccount }: { keyView: KeyView; showAccount: boolean }) {
  const full = [k.environment, k.account, k.service].filter(Boolean).join(' · ');
  return (
    <span className="key-detail" title={full}>
      <EnvTag environment={k.environment} className="key-detail__env" />
      <span className="key-detail__text">
        <span className={showAccount ? 'key-detail__account' : undefined}>
          {k.account}
          {k.service ? ' · ' : ''}
        </span>
        {k.service}
      </span>
    </span>
  );
}

/** "Rotation in progress, step 2 of 4", or "Rotating, 2 of 4" in a narrow label cell. */
export function RotatingPill({ progress }: { progress: string }) {
  const step = /(\d+) of (\d+)/.exec(progress);
  const short = step ? `Rotating, ${step[1]} of ${step[2]}` : 'Rotating';
  return (
    <span className="pill pill--rotating" title={progress}>
      <span className="pill__long">{progress}</span>
      <span className="pill__short">{short}</span>
    </span>
  );
}
