"use client";
import { useTranslations } from "next-intl";
import type { FingerComparisonView } from "@/lib/cases/finger-comparison-view";
import type { CandidateEvidence } from "@/lib/cases/rank-candidates";

/** "3 fingers at or above 25 of 10 compared, best 78", in the officer's language, from the numbers. */
export function useEvidenceText(): (e: CandidateEvidence, matchScore: number) => string {
  const t = useTranslations("aid");
  return (e, matchScore) =>
    e.compared === 0 || e.best === null
      ? t("noneCompared")
      : t("explanation", { above: e.fingersAbove, compared: e.compared, threshold: matchScore, best: Math.round(e.best * 10) / 10 });
}

/**
 * The fingerprint comparison aid above the sheet: what it is (an aid; the officer decides), its state while the
 * scores are computed, the candidates in order of evidence with why, and the measured accuracy one click away.
 */
export function ComparisonAid({
  aid,
  candidateName,
  current,
  onSelect,
  onRefresh,
  refreshing,
}: {
  aid: FingerComparisonView;
  /** "Candidate 2" for a candidate's key. */
  candidateName: (key: string) => string;
  current: string | undefined;
  onSelect: (key: string) => void;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const t = useTranslations("aid");
  const evidence = useEvidenceText();
  return (
    <section
      aria-label={t("label")}
      className="rounded border border-indigo-200 bg-indigo-50/60 px-3 py-1.5 text-sm"
      data-testid="comparison-aid"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 className="font-semibold text-indigo-950">{t("label")}</h2>
        {aid.status !== "DONE" ? (
          <span role="status" className="text-slate-700" data-testid="aid-status">
            {t(`status.${aid.status}`)}{" "}
            {/* The scores are read with the case; asking again reads them anew (an audited view, like opening the case). */}
            <button type="button" onClick={onRefresh} disabled={refreshing} className="ms-2 text-blue-700 underline disabled:opacity-60">
              {t("refresh")}
            </button>
          </span>
        ) : aid.candidates.length > 0 ? (
          <>
            <span className="text-slate-700">{t("order")}</span>
            <ol className="contents text-xs" data-testid="evidence-order">
              {aid.candidates.map((c) => (
                <li key={c.candidateId} className="flex items-baseline gap-1 text-xs">
                  <span className="font-semibold text-indigo-950">{t("listRank", { rank: c.rank })}</span>
                  <button
                    type="button"
                    onClick={() => onSelect(c.candidateId)}
                    aria-current={c.candidateId === current ? "true" : undefined}
                    className={`underline-offset-2 hover:underline ${c.candidateId === current ? "font-semibold text-slate-900" : "text-blue-700 underline"}`}
                  >
                    {candidateName(c.candidateId)}
                  </button>
                  <span className="text-slate-700">{evidence(c, aid.thresholds.matchScore)}</span>
                </li>
              ))}
            </ol>
          </>
        ) : null}
        <details className="ms-auto">
          <summary className="cursor-pointer text-blue-700 underline">{t("accuracy.open")}</summary>
          <Accuracy aid={aid} />
        </details>
      </div>
    </section>
  );
}

function Accuracy({ aid }: { aid: FingerComparisonView }) {
  const t = useTranslations("aid.accuracy");
  const { synthetic, realSamples, measuredOn } = aid.accuracy;
  return (
    <div className="mt-2 max-w-xl space-y-1 rounded bg-white p-3 text-sm text-slate-800 shadow" data-testid="aid-accuracy">
      <p>
        {t("synthetic", {
          genuine: synthetic.genuinePairs,
          impostor: synthetic.impostorPairs,
          eer: synthetic.eerPercent,
          fnmr1: synthetic.fnmrAtFmr1Percent,
          fnmr01: synthetic.fnmrAtFmr01Percent,
        })}
      </p>
      <p>
        {t("real", {
          fingers: realSamples.distinctFingers,
          max: realSamples.impostorMax,
          p95: realSamples.impostorP95,
          median: realSamples.impostorMedian,
        })}
      </p>
      <p>{t("thresholds", { match: aid.thresholds.matchScore, strong: aid.thresholds.strongScore })}</p>
      <p className="text-slate-600">{t("caveat")}</p>
      <p className="text-xs text-slate-500">{t("measured", { date: measuredOn })}</p>
    </div>
  );
}
