"use client";
import { useTranslations } from "next-intl";
import { forwardRef } from "react";
import { FINGER_POSITIONS } from "@/lib/biometrics/positions";
import type { DecisionDraft, DraftAction } from "@/lib/cases/decision-draft";

const HANDS = [
  ["RIGHT", FINGER_POSITIONS.slice(0, 5)],
  ["LEFT", FINGER_POSITIONS.slice(5)],
] as const;
const FINGER_NAMES = ["THUMB", "INDEX", "MIDDLE", "RING", "LITTLE"] as const;

/**
 * One matched position: a checkbox drawn as a large target (at least 44×44 CSS pixels, WCAG 2.5.5), named by its
 * full position ("Right thumb") for assistive technology, showing the short name and its key.
 */
function Target({
  checked,
  onChange,
  name,
  shortName,
  keyHint,
}: {
  checked: boolean;
  onChange: () => void;
  name: string;
  shortName?: string;
  keyHint: string;
}) {
  return (
    <label
      title={name}
      className="flex min-h-11 min-w-11 flex-1 cursor-pointer flex-col items-center justify-center rounded border border-slate-300 px-1 py-1 text-center leading-tight has-checked:border-red-700 has-checked:bg-red-50 has-checked:text-red-900"
    >
      <input type="checkbox" checked={checked} onChange={onChange} aria-label={name} className="h-4 w-4 accent-red-700" />
      <span dir="auto" className="text-xs font-medium">
        {shortName ?? name} <kbd className="text-[11px] text-slate-500">{keyHint}</kbd>
      </span>
    </label>
  );
}

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
              className={`min-h-11 flex-1 rounded border px-3 py-1.5 ${c.duplicate === true ? "border-red-700 bg-red-700 text-white" : "border-slate-300"}`}
            >
              {t("duplicate")} <kbd className="ms-1 text-xs opacity-70">D</kbd>
            </button>
            {/* biome-ignore lint/a11y/useSemanticElements: a pressed-state button group keeps one-key shortcuts and large targets; role=radio with aria-checked tells assistive technology which verdict is chosen */}
            <button
              type="button"
              role="radio"
              aria-checked={c.duplicate === false}
              onClick={() => dispatch({ type: "verdict", duplicate: false })}
              className={`min-h-11 flex-1 rounded border px-3 py-1.5 ${c.duplicate === false ? "border-green-700 bg-green-700 text-white" : "border-slate-300"}`}
            >
              {t("notDuplicate")} <kbd className="ms-1 text-xs opacity-70">N</kbd>
            </button>
          </div>
          <fieldset className="space-y-2 text-sm">
            <legend className="font-medium">{t("matched")}</legend>
            {/* Irises on either side of the face, as on the face photo: positions never follow the reading direction. */}
            <div className="flex gap-1.5" dir="ltr">
              <Target
                checked={c.irises.includes("RIGHT")}
                onChange={() => dispatch({ type: "toggleIris", eye: "RIGHT" })}
                name={tl("slots.RIGHT_IRIS")}
                keyHint="R"
              />
              <Target checked={c.face} onChange={() => dispatch({ type: "toggleFace" })} name={tl("slots.FACE")} keyHint="F" />
              <Target
                checked={c.irises.includes("LEFT")}
                onChange={() => dispatch({ type: "toggleIris", eye: "LEFT" })}
                name={tl("slots.LEFT_IRIS")}
                keyHint="L"
              />
            </div>
            {/* One row per hand, right hand first, thumb to little left to right in every language: the right thumb is key 1. */}
            {HANDS.map(([hand, fingers], h) => (
              <fieldset key={hand}>
                <legend className="text-xs text-slate-600">{tl(`hands.${hand}`)}</legend>
                <div className="flex gap-1.5" dir="ltr">
                  {fingers.map((f, i) => (
                    <Target
                      key={f}
                      checked={c.fingers.includes(f)}
                      onChange={() => dispatch({ type: "toggleFinger", finger: f })}
                      name={tl(`slots.${f}`)}
                      shortName={tl(`fingers.${FINGER_NAMES[i]}`)}
                      keyHint={String((h * 5 + i + 1) % 10)}
                    />
                  ))}
                </div>
              </fieldset>
            ))}
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
            className={`min-h-11 flex-1 rounded border px-3 py-1.5 ${draft.approve === true ? "border-green-700 bg-green-700 text-white" : "border-slate-300"}`}
          >
            {t("approve")} <kbd className="ms-1 text-xs opacity-70">A</kbd>
          </button>
          {/* biome-ignore lint/a11y/useSemanticElements: a pressed-state button group keeps one-key shortcuts and large targets; role=radio with aria-checked tells assistive technology which verdict is chosen */}
          <button
            type="button"
            role="radio"
            aria-checked={draft.approve === false}
            onClick={() => dispatch({ type: "approve", approve: false })}
            className={`min-h-11 flex-1 rounded border px-3 py-1.5 ${draft.approve === false ? "border-red-700 bg-red-700 text-white" : "border-slate-300"}`}
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
          rows={2}
          onChange={(e) => dispatch({ type: "comment", text: e.target.value })}
          onKeyDown={(e) => e.key === "Escape" && (e.target as HTMLTextAreaElement).blur()}
          className="mt-1 w-full rounded border border-slate-300 p-2 font-normal"
        />
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm">
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
      <button
        type="button"
        onClick={onReview}
        className="min-h-11 w-full rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700"
      >
        {t("review")} <kbd className="ms-1 text-xs opacity-70">{tl("enter")}</kbd>
      </button>
    </section>
  );
});
