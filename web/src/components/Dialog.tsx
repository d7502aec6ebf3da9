import { useEffect, useId, useRef, type ReactNode } from 'react';
import '../styles/dialog.css';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog on the browser's own <dialog>: it keeps focus inside, Esc closes it, and the
 * page behind is inert. Its keys stay inside it, so the gallery's and the viewer's shortcuts
 * do not fire while one is open.
 */
export function Dialog({ title, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnFocus = document.activeElement as HTMLElement | null;
    const onCloseEvent = () => close.current();
    dialog.addEventListener('close', onCloseEvent);
    dialog.showModal();
    return () => {
      dialog.removeEventListener('close', onCloseEvent);
      if (dialog.open) dialog.close();
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onKeyDown={(event) => event.stopPropagation()}
      onClick={(event) => {
        // A tap on the backdrop (the dialog element itself, outside its card) closes it.
        if (event.target === ref.current) ref.current.close();
      }}
    >
      <div className="dialog-card">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
