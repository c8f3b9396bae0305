"use client";
import { useTranslations } from "next-intl";

/** The face model's reading of one photo pair (docs/decisions/0026): its band and the similarity 0-1. */
export interface FacePair {
  verdict: "SAME" | "INCONCLUSIVE" | "DIFFERENT" | "NO_FACE_FOUND" | "NOT_COMPARED";
  similarity: number | null;
}

/**
 * The face model's band between the applicant's and the candidate's photo, in words and with the similarity; neutral
 * colours like the finger bars: it says where to look, the officer decides on the photos themselves.
 */
export function FaceBand({ status, face }: { status: "NOT_READY" | "PENDING" | "DONE" | "FAILED"; face: FacePair | undefined }) {
  const t = useTranslations("aid.face");
  if (status !== "DONE" || !face)
    return (
      <div className="flex h-7 items-center justify-center text-[11px] text-slate-500" data-testid="face-band" data-verdict="">
        {status === "PENDING" ? <span className="h-1.5 w-full animate-pulse rounded bg-slate-200" title={t("pending")} /> : "—"}
      </div>
    );
  const similarity = face.similarity === null ? null : Math.round(face.similarity * 100) / 100;
  const label = t(`verdict.${face.verdict}`);
  const title = similarity === null ? t("titleNoScore", { verdict: label }) : t("title", { verdict: label, similarity });
  return (
    <div
      className="flex h-7 items-center justify-center gap-1 text-[11px] leading-tight text-slate-700"
      data-testid="face-band"
      data-verdict={face.verdict}
      title={title}
    >
      <span className="sr-only">{title}</span>
      <span aria-hidden="true" className={face.verdict === "SAME" ? "font-semibold text-indigo-800" : undefined}>
        {label}
      </span>
      {similarity !== null && (
        <span aria-hidden="true" className="text-slate-600">
          {t("similarity", { similarity })}
        </span>
      )}
    </div>
  );
}
