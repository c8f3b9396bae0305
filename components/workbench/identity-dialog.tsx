"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * The full identity data (the demographics table) over the comparison sheet. A native modal dialog: the browser
 * keeps focus inside it, Escape closes it and focus returns to what opened it. "I" closes it too, as it opened it.
 */
export function IdentityDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const t = useTranslations("differences");
  const tl = useTranslations("labels");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      onKeyDown={(e) => {
        if (e.key === "i" && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
          e.preventDefault();
          onClose();
        }
      }}
      className="m-auto max-h-[90vh] w-[min(80rem,95vw)] rounded-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/50"
      data-testid="identity-dialog"
    >
      <div className="sticky top-0 flex items-center gap-3 border-b bg-white px-4 py-2">
        <h2 className="text-lg font-semibold">{title}</h2>
        {/* biome-ignore lint/a11y/noAutofocus: a modal dialog puts focus on its first control (WAI-ARIA dialog pattern) */}
        <button type="button" autoFocus onClick={onClose} className="ms-auto min-h-11 rounded border border-slate-300 px-3">
          {t("close")} <kbd className="text-xs opacity-70">{tl("esc")}</kbd>
        </button>
      </div>
      <div className="p-4">{children}</div>
    </dialog>
  );
}
