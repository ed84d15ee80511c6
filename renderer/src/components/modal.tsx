// A native modal <dialog>: showModal() makes the rest of the window inert and keeps focus inside;
// on close, focus goes back to where it was. Mounted only while open, so nothing typed into it
// (a pasted key) outlives it in the DOM.
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  /** 'alertdialog' for confirmations of destructive actions. */
  role?: 'dialog' | 'alertdialog';
  labelledBy: string;
  describedBy?: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}

export function Modal({
  role = 'dialog',
  labelledBy,
  describedBy,
  onClose,
  className,
  children,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The opener may be gone (Revoke… after a revocation): fall back to the details panel.
      if (returnTo?.isConnected) returnTo.focus();
      else document.querySelector<HTMLElement>('[data-focus-return]')?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={`modal${className ? ` ${className}` : ''}`}
      onCancel={(e) => {
        // Esc: close through the store, so state and DOM agree.
        e.preventDefault();
        onCloseRef.current();
      }}
      onClose={() => {
        // Closed by the browser (a forced close request): tell the store. A close we made
        // ourselves fires after unmount, or after a StrictMode re-open, and is ignored.
        if (!ref.current?.open) onCloseRef.current();
      }}
    >
      {children}
    </dialog>
  );
}
