"use client";
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog for as long as it is mounted: a native <dialog> opened with showModal(), so the page behind is inert
 * and read by no screen reader. Focus moves in (to `initialFocus`, else the first control), Tab and Shift+Tab go round
 * inside it, Escape asks `onClose`, and when it goes away focus returns to the element that had it before (the
 * button that opened it), so a keyboard user carries on where they were.
 */
export function ModalDialog({
  label,
  onClose,
  initialFocus,
  className,
  children,
}: {
  label: string;
  onClose: () => void;
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const unmounting = useRef(false);
  // Layout effect: opened before the first paint, so the dialog never shows without its backdrop.
  // biome-ignore lint/correctness/useExhaustiveDependencies: opened once per mount; initialFocus is a ref
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    unmounting.current = false;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      // Closed before focus goes back: while it is modal, everything outside is inert and cannot take focus.
      unmounting.current = true;
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const keepFocusInside = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== "Tab" || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      aria-label={label}
      className={className}
      onKeyDown={keepFocusInside}
      // Escape: the page decides (it unmounts the dialog), rather than the browser closing it behind React's back.
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // Closed by the browser some other way: the page still learns of it; not when this component closed it itself.
      onClose={() => unmounting.current || onClose()}
    >
      {children}
    </dialog>
  );
}
