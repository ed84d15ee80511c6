// A button that can be unavailable for a stated reason. It stays focusable (aria-disabled), so
// keyboard and screen-reader users can still find it and hear why it does nothing.
import { useId, type ButtonHTMLAttributes, type MouseEvent } from 'react';

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'quiet';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Why the button does nothing right now; null or undefined when it works. */
  disabledReason?: string | null | undefined;
  busy?: boolean;
  variant?: ButtonVariant;
  /** Show the reason as text beside the button, not only to assistive tech and on hover. */
  showReason?: boolean;
}

export function ActionButton({
  disabledReason,
  busy = false,
  variant = 'default',
  className,
  onClick,
  children,
  type = 'button',
  showReason = false,
  ...rest
}: Props) {
  const reasonId = useId();
  const blocked = Boolean(disabledReason) || busy;
  const handle = (e: MouseEvent<HTMLButtonElement>) => {
    if (blocked) {
      e.preventDefault();
      return;
    }
    onClick?.(e);
  };
  return (
    <>
      <button
        {...rest}
        type={type}
        className={`btn btn--${variant}${className ? ` ${className}` : ''}`}
        aria-disabled={blocked || undefined}
        aria-busy={busy || undefined}
        aria-describedby={disabledReason ? reasonId : rest['aria-describedby']}
        title={disabledReason ?? rest.title}
        onClick={handle}
      >
        {busy && <span className="spinner" aria-hidden="true" />}
        {children}
      </button>
      {disabledReason && (
        <span id={reasonId} className="reason" hidden={!showReason}>
          {disabledReason}
        </span>
      )}
    </>
  );
}
