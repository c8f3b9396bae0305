"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useSeconds } from "@/components/use-duration";
import { ApiError } from "@/lib/client/api-fetch";

/** The server's figures when a decision came sooner than the case's minimum dwell time (lib/cases/dwell-guard.ts). */
export interface HasteFigures {
  requiredSeconds: number;
  elapsedSeconds: number;
}

/** The figures of a haste_confirmation_required answer, or null for any other error. */
export function hasteFigures(e: unknown): HasteFigures | null {
  if (!(e instanceof ApiError) || e.code !== "haste_confirmation_required") return null;
  const { requiredSeconds, elapsedSeconds } = e.details;
  return typeof requiredSeconds === "number" && typeof elapsedSeconds === "number" ? { requiredSeconds, elapsedSeconds } : null;
}

/**
 * Asked when the server refused a decision as faster than the case's minimum dwell time: the officer goes back
 * to look again, or confirms, and the decision is sent again with hasteConfirmed and goes to sample review.
 * "Back" has the focus first (the careful choice is the easy one); Tab stays inside; Escape is "Back"; on
 * closing, the focus returns to where it was before (or to the confirmation this dialog stood in for).
 */
export function HasteDialog({
  figures,
  busy,
  onConfirm,
  onBack,
}: {
  figures: HasteFigures;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const t = useTranslations("haste");
  const tl = useTranslations("labels");
  const seconds = useSeconds();
  const dialogRef = useRef<HTMLDivElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    backRef.current?.focus();
    return () => {
      // Where the dialog was opened from, if it is still there (the workbench's confirmation dialog, which this
      // one replaces, focuses its own button when it comes back).
      if (opener?.isConnected && opener !== document.body) opener.focus();
    };
  }, []);
  const keepFocusInside = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      // Also the key's default action: the confirmation dialog that "Back" brings back is a native modal <dialog>,
      // open before this keydown ends, and the browser would close it with the same Escape.
      e.preventDefault();
      e.stopPropagation();
      onBack();
      return;
    }
    if (e.key !== "Tab") return;
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>("button:not([disabled])") ?? [])];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <div
      ref={dialogRef}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="haste-title"
      aria-describedby="haste-text"
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50"
      onKeyDown={keepFocusInside}
      data-testid="haste-dialog"
    >
      <div className="w-full max-w-lg space-y-4 rounded-lg border-t-4 border-amber-500 bg-white p-6 shadow-xl">
        <h2 id="haste-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <div id="haste-text" className="space-y-2 text-sm">
          <p>{t("figures", { required: seconds(figures.requiredSeconds), elapsed: seconds(figures.elapsedSeconds) })}</p>
          <p className="text-slate-700">{t("consequence")}</p>
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <button ref={backRef} type="button" onClick={onBack} className="rounded border border-slate-300 px-3 py-1.5">
            {t("back")} <kbd className="text-xs opacity-70">{tl("esc")}</kbd>
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={onConfirm}
            className="rounded bg-amber-700 px-4 py-1.5 font-medium text-white disabled:opacity-60"
          >
            {t("confirm")}
          </button>
        </div>
      </div>
    </div>
  );
}
