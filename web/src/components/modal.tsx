import { type ReactNode, useEffect, useId, useRef } from 'react';

/** A modal dialog on the native <dialog>: focus is trapped by the browser, Escape closes it when allowed. */
export function Modal(props: { title: string; onClose: (() => void) | null; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const { onClose } = props;
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose?.();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}
