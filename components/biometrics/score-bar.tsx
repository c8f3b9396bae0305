"use client";
import { useTranslations } from "next-intl";

export interface PairScore {
  /** 0-100, the matcher's score for this finger pair. */
  score: number;
  pairedMinutiae: number;
}

/**
 * The machine's score for one finger pair, between the applicant's and the candidate's print: a small bar with the
 * match threshold marked, the score and the number of paired minutiae. Neutral colours: it points where to look,
 * it is not a verdict.
 */
export function ScoreBar({
  status,
  score,
  thresholds,
  position,
}: {
  status: "NOT_READY" | "PENDING" | "DONE" | "FAILED";
  score: PairScore | undefined;
  thresholds: { matchScore: number; strongScore: number };
  position: string;
}) {
  const t = useTranslations("aid");
  if (status !== "DONE" || !score)
    return (
      <div className="flex h-7 items-center justify-center gap-1 text-[11px] text-slate-500" data-testid="pair-score" data-score="">
        {status === "PENDING" ? (
          <span className="h-1.5 w-full animate-pulse rounded bg-slate-200" title={t("status.PENDING")} />
        ) : status === "DONE" ? (
          t("notCompared")
        ) : (
          "—"
        )}
      </div>
    );
  const value = Math.max(0, Math.min(100, score.score));
  const tone = value >= thresholds.strongScore ? "bg-indigo-700" : value >= thresholds.matchScore ? "bg-indigo-500" : "bg-slate-400";
  const label = t("pairTitle", { position, score: Math.round(value), paired: score.pairedMinutiae, threshold: thresholds.matchScore });
  return (
    <div className="flex h-7 flex-col justify-center gap-0.5" data-testid="pair-score" data-score={Math.round(value)} title={label}>
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="relative h-1.5 w-full overflow-hidden rounded bg-slate-200">
        <div className={`absolute inset-y-0 start-0 ${tone}`} style={{ width: `${value}%` }} />
        {/* The match threshold, so a bar is read against it rather than as a percentage. */}
        <div className="absolute inset-y-0 w-px bg-slate-700" style={{ insetInlineStart: `${thresholds.matchScore}%` }} />
      </div>
      <div aria-hidden="true" className="flex justify-between text-[11px] leading-none text-slate-700">
        <span className="font-semibold">{t("score", { score: Math.round(value) })}</span>
        <span>{t("paired", { paired: score.pairedMinutiae })}</span>
      </div>
    </div>
  );
}
