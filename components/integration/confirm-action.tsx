"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A button that first shows what the action does and what can go wrong, and acts only on a second,
 * explicit click. Used for actions that answer MOSIP, where a mistake cannot be taken back. It opens in place (not
 * modal): focus moves to the explanation, so that it is read first; Escape or Cancel closes it and focus returns to
 * the button.
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
  const opener = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) panel.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (!open) {
    return (
      <button
        ref={opener}
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
      ref={panel}
      role="dialog"
      aria-label={title}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.stopPropagation();
        setOpen(false);
      }}
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
