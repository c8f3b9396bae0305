"use client";
import { useTranslations } from "next-intl";
import { describeBiometric } from "@/lib/biometrics/describe-biometric";
import { alignGrids, type BiometricGrid as Grid, type GridCell, type GridSlot } from "@/lib/biometrics/grid";

export interface BiometricSubject {
  /** Column heading: "Applicant", "Candidate 1 (…)". */
  title: string;
  grid: Grid;
  /** Thumbnail URL per slot (the workbench's image route); cells without one show no image. */
  thumbnails?: Partial<Record<GridSlot, string>>;
  /** Full-size image URL per slot, opened when the thumbnail is clicked (unless the grid has onOpen). */
  fullImages?: Partial<Record<GridSlot, string>>;
}

/**
 * Side-by-side biometric comparison: one row per place (face, ten fingers in
 * tenprint order, irises), one column per subject, so the same finger of
 * applicant and candidates sits on one line.
 */
export function BiometricGrid({ subjects, onOpen }: { subjects: BiometricSubject[]; onOpen?: (slot: GridSlot) => void }) {
  const t = useTranslations("grid");
  const tl = useTranslations("labels");
  if (subjects.length === 0) return null;
  const rows = alignGrids(
    subjects[0].grid,
    subjects.slice(1).map((s) => s.grid),
  );
  return (
    <table className="w-full border-collapse text-sm" data-testid="biometric-grid">
      <thead>
        <tr>
          <th scope="col" className="w-32 border-b px-2 py-1 text-start font-medium text-slate-600">
            {t("biometric")}
          </th>
          {subjects.map((s, i) => (
            <th key={i} scope="col" className="border-b px-2 py-1 text-start font-medium text-slate-600">
              {s.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.slot} data-slot={row.slot} className="align-top">
            <th scope="row" className="border-b px-2 py-2 text-start font-normal text-slate-700">
              {tl(`slots.${row.slot}`)}
            </th>
            {[row.applicant, ...row.candidates].map((cell, i) => (
              <td key={i} className="border-b px-2 py-2">
                <Cell
                  cell={cell}
                  thumb={subjects[i].thumbnails?.[row.slot]}
                  full={subjects[i].fullImages?.[row.slot]}
                  onOpen={onOpen && (() => onOpen(row.slot))}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cell({ cell, thumb, full, onOpen }: { cell: GridCell; thumb?: string; full?: string; onOpen?: () => void }) {
  const t = useTranslations("grid");
  const tl = useTranslations("labels");
  const all = useTranslations();
  const position = tl(`slots.${cell.slot}`);
  const image =
    thumb && cell.birIndex !== null ? (
      // A plain <img>: thumbnails come from an authenticated no-store route, which next/image would proxy and cache.
      // Eager: an officer compares everything on the page, and the images are small and cached per case.
      <img
        src={thumb}
        alt={describeBiometric(all, { slot: cell.slot, quality: cell.qualityScore })}
        className="h-32 w-auto max-w-[10rem] rounded border border-slate-200 bg-slate-50 object-contain"
      />
    ) : null;
  return (
    <div className="flex flex-col items-start gap-1" data-state={cell.state}>
      {image && onOpen ? (
        <button type="button" onClick={onOpen} title={t("compareTitle", { position })} className="cursor-zoom-in">
          {image}
        </button>
      ) : image && full ? (
        <a href={full} target="_blank" rel="noreferrer" title={t("openTitle", { position })}>
          {image}
        </a>
      ) : (
        image
      )}
      {cell.state === "absent" && !image && (
        <span className="flex h-32 w-24 items-center justify-center rounded border border-dashed border-slate-300 text-xs text-slate-400">
          {t("notCaptured")}
        </span>
      )}
      <div className="flex flex-wrap items-center gap-1">
        {cell.state === "exception" && (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800" title={cell.exceptionReason ?? undefined}>
            {cell.exceptionReason ? t("exceptionWith", { reason: cell.exceptionReason }) : t("exception")}
          </span>
        )}
        {cell.qualityScore !== null && <QualityBadge score={cell.qualityScore} />}
        {cell.note && <span className="text-xs text-slate-500">{t("noImageData")}</span>}
      </div>
    </div>
  );
}

function QualityBadge({ score }: { score: number }) {
  const t = useTranslations("grid");
  // Bands follow MOSIP's usual registration thresholds (fingers ~40-70); indicative only.
  const tone = score >= 70 ? "bg-emerald-100 text-emerald-800" : score >= 40 ? "bg-yellow-100 text-yellow-800" : "bg-red-100 text-red-800";
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone}`} title={t("qualityTitle")}>
      {t("quality", { score: Math.round(score) })}
    </span>
  );
}
