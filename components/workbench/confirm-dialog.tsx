"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { ModalDialog } from "@/components/modal-dialog";

/**
 * The last step before a decision is recorded: the summary of exactly what will be sent. Focus starts on "Confirm and
 * send", so Enter sends; Escape goes back to the case, to the control that opened the dialog.
 */
export function ConfirmDialog({
  lines,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  lines: string[];
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("confirm");
  const tl = useTranslations("labels");
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      label={t("label")}
      onClose={onCancel}
      initialFocus={confirmRef}
      className="m-auto w-full max-w-lg rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="space-y-4">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <ul className="list-disc space-y-1 ps-5 text-sm" data-testid="decision-summary">
          {lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1.5">
            {t("back")} <kbd className="text-xs opacity-70">{tl("esc")}</kbd>
          </button>
          <button
            ref={confirmRef}
            type="button"
            disabled={busy}
            onClick={onConfirm}
            className="rounded bg-slate-800 px-4 py-1.5 font-medium text-white disabled:opacity-60"
          >
            {t("send")} <kbd className="text-xs opacity-70">{tl("enter")}</kbd>
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
