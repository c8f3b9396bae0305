"use client";
import { useTranslations } from "next-intl";
import { forwardRef } from "react";
import { FINGER_POSITIONS } from "@/lib/biometrics/positions";
import type { DecisionDraft, DraftAction } from "@/lib/cases/decision-draft";

interface Props {
  draft: DecisionDraft;
  dispatch: (a: DraftAction) => void;
  onReview: () => void;
  problem: string | null;
}

/** The officer's verdict for the candidate on screen, plus the case-level comment and "cannot adjudicate". */
export const DecisionPanel = forwardRef<HTMLTextAreaElement, Props>(function DecisionPanel(
  { draft, dispatch, onReview, problem },
  commentRef,
) {
  const t = useTranslations("decision");
  const tl = useTranslations("labels");
  const c = draft.candidates[draft.current];
  return (
    <section aria-label={t("label")} className="space-y-3 rounded bg-white p-4 shadow-sm">
      {draft.kind === "ADJUDICATION" && c && (
        <>
          <h2 className="font-semibold">{t("candidateOf", { n: draft.current + 1, total: draft.candidates.length })}</h2>
          <div className="flex gap-2" role="radiogroup" aria-label={t("verdict")}>
            {/* biome-ignore lint/a11y/useSemanticElements: a pressed-state button group keeps one-key shortcuts and large targets; role=radio with aria-checked tells assistive technology which verdict is chosen */}
            <button
              type="button"
              role="radio"
              aria-checked={c.duplicate === true}
              onClick={() => dispatch({ type: "verdict", duplicate: true })}
              className={`rounded border px-3 py-1.5 ${c.duplicate === true ? "border-red-700 bg-red-700 text-white" : "border-slate-300"}`}
            >
              {t("duplicate")} <kbd className="ms-1 text-xs opacity-70">D</kbd>
            </button>
            {/* biome-ignore lint/a11y/useSemanticElements: a pressed-state button group keeps one-key shortcuts and large targets; role=radio with aria-checked tells assistive technology which verdict is chosen */}
            <button
              type="button"
              role="radio"
              aria-checked={c.duplicate === false}
              onClick={() => dispatch({ type: "verdict", duplicate: false })}
              className={`rounded border px-3 py-1.5 ${c.duplicate === false ? "border-green-700 bg-green-700 text-white" : "border-slate-300"}`}
            >
              {t("notDuplicate")} <kbd className="ms-1 text-xs opacity-70">N</kbd>
            </button>
          </div>
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium">{t("matched")}</legend>
            <label className="me-4 inline-flex items-center gap-1">
              <input type="checkbox" checked={c.face} onChange={() => dispatch({ type: "toggleFace" })} /> {tl("slots.FACE")}{" "}
              <kbd className="text-xs text-slate-400">F</kbd>
            </label>
            {(["RIGHT", "LEFT"] as const).map((eye) => (
              <label key={eye} className="me-4 inline-flex items-center gap-1">
                <input type="checkbox" checked={c.irises.includes(eye)} onChange={() => dispatch({ type: "toggleIris", eye })} />{" "}
                {tl(`slots.${eye}_IRIS`)} <kbd className="text-xs text-slate-400">{eye[0]}</kbd>
              </label>
            ))}
            {/* One column per hand, right hand first, whatever the reading direction: the right thumb is key 1. */}
            <div className="grid grid-flow-col grid-cols-2 grid-rows-5 gap-x-3 gap-y-1" dir="ltr">
              {FINGER_POSITIONS.map((f, i) => (
                <label key={f} className="inline-flex items-center gap-1">
                  <input type="checkbox" checked={c.fingers.includes(f)} onChange={() => dispatch({ type: "toggleFinger", finger: f })} />{" "}
                  <span dir="auto">{tl(`slots.${f}`)}</span> <kbd className="text-xs text-slate-400">{(i + 1) % 10}</kbd>
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}
      {draft.kind === "VERIFICATION" && (
        <div className="flex gap-2" role="radiogroup" aria-label={t("verification")}>
          {/* biome-ignore lint/a11y/useSemanticElements: a pressed-state button group keeps one-key shortcuts and large targets; role=radio with aria-checked tells assistive technology which verdict is chosen */}
          <button
            type="button"
            role="radio"
            aria-checked={draft.approve === true}
            onClick={() => dispatch({ type: "approve", approve: true })}
            className={`rounded border px-3 py-1.5 ${draft.approve === true ? "border-green-700 bg-green-700 text-white" : "border-slate-300"}`}
          >
            {t("approve")} <kbd className="ms-1 text-xs opacity-70">A</kbd>
          </button>
          {/* biome-ignore lint/a11y/useSemanticElements: a pressed-state button group keeps one-key shortcuts and large targets; role=radio with aria-checked tells assistive technology which verdict is chosen */}
          <button
            type="button"
            role="radio"
            aria-checked={draft.approve === false}
            onClick={() => dispatch({ type: "approve", approve: false })}
            className={`rounded border px-3 py-1.5 ${draft.approve === false ? "border-red-700 bg-red-700 text-white" : "border-slate-300"}`}
          >
            {t("reject")} <kbd className="ms-1 text-xs opacity-70">X</kbd>
          </button>
        </div>
      )}
      <label className="block text-sm font-medium">
        {t("comment")} <kbd className="text-xs text-slate-400">C</kbd>
        <textarea
          ref={commentRef}
          value={draft.comment}
          maxLength={2000}
          rows={3}
          onChange={(e) => dispatch({ type: "comment", text: e.target.value })}
          onKeyDown={(e) => e.key === "Escape" && (e.target as HTMLTextAreaElement).blur()}
          className="mt-1 w-full rounded border border-slate-300 p-2 font-normal"
        />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.cannotAdjudicate}
          onChange={(e) => dispatch({ type: "cannotAdjudicate", on: e.target.checked })}
        />{" "}
        {t("cannotAdjudicate")}
      </label>
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
      <button type="button" onClick={onReview} className="w-full rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700">
        {t("review")} <kbd className="ms-1 text-xs opacity-70">{tl("enter")}</kbd>
      </button>
    </section>
  );
});
