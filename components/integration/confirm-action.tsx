"use client";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

/**
 * A button that first shows what the action does and what can go wrong, and acts only on a second,
 * explicit click. Used for actions that answer MOSIP, where a mistake cannot be taken back.
 */
export function ConfirmAction({
  label,
  title,
  children,
  confirmLabel,
  onConfirm,
  busy,
  danger,
}: {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  danger?: boolean;
}) {
  const t = useTranslations("integration");
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
      >
        {label}
      </button>
    );
  }
  return (
    <div
      role="dialog"
      aria-label={title}
      className={`mt-1 max-w-md rounded border p-2 text-xs ${danger ? "border-red-300 bg-red-50" : "border-amber-300 bg-amber-50"}`}
    >
      <p className="font-medium">{title}</p>
      <div className="mt-1 space-y-1">{children}</div>
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            onConfirm();
            setOpen(false);
          }}
          className={`rounded px-2 py-0.5 text-white disabled:opacity-50 ${danger ? "bg-red-700" : "bg-slate-800"}`}
        >
          {confirmLabel}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded border border-slate-300 px-2 py-0.5">
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}
