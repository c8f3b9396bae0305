"use client";
import { useTranslations } from "next-intl";
import { describeBiometric } from "@/lib/biometrics/describe-biometric";
import type { ReactNode } from "react";
import { alignGrids, type AlignedRow, type BiometricGrid as Grid, type GridCell, type GridSlot } from "@/lib/biometrics/grid";
import { FINGER_POSITIONS } from "@/lib/biometrics/positions";
import { ScoreBar, type PairScore } from "./score-bar";
import { FaceBand, type FacePair } from "./face-band";

export interface BiometricSubject {
  /** Row heading: "Applicant", "Candidate 1". */
  title: string;
  grid: Grid;
  /** Thumbnail URL per slot (the workbench's image route); cells without one show no image. */
  thumbnails?: Partial<Record<GridSlot, string>>;
}

/** The machine comparison shown between the applicant's and the candidate's finger of each pair (docs/decisions/0022). */
export interface SheetAid {
  status: "NOT_READY" | "PENDING" | "DONE" | "FAILED";
  matchScore: number;
  strongScore: number;
  fingers: Partial<Record<GridSlot, PairScore>>;
  /** The face model's band for the photo pair (docs/decisions/0026); irises are not compared. */
  face?: FacePair;
}

// Irises placed as on the face photo between them: the person's right eye is on the viewer's left.
const FACE_SLOTS: GridSlot[] = ["RIGHT_IRIS", "FACE", "LEFT_IRIS"];
const HANDS = [
  ["RIGHT", FINGER_POSITIONS.slice(0, 5)],
  ["LEFT", FINGER_POSITIONS.slice(5)],
] as const;

/**
 * The comparison sheet: faces and irises together, then the ten fingers as two hands, each position a column with
 * the applicant's sample above the candidate's, so the same finger of both people is read top to bottom. Positions
 * keep their anatomical order in every language (left to right as on a tenprint card, right hand first); only the
 * labels follow the reading direction. `beside` sits next to the face block (the demographic differences).
 */
export function BiometricGrid({
  subjects,
  aid,
  beside,
  onOpen,
}: {
  subjects: BiometricSubject[];
  aid?: SheetAid | null;
  beside?: ReactNode;
  onOpen?: (slot: GridSlot) => void;
}) {
  const tl = useTranslations("labels");
  const t = useTranslations("grid");
  if (subjects.length === 0) return null;
  const rows = new Map(
    alignGrids(
      subjects[0].grid,
      subjects.slice(1).map((s) => s.grid),
    ).map((r) => [r.slot, r]),
  );
  const block = (title: string, slots: readonly GridSlot[], size: "face" | "finger", withAid: boolean) => (
    <Block title={title} slots={slots} rows={rows} subjects={subjects} size={size} aid={withAid ? aid : null} onOpen={onOpen} />
  );
  return (
    <div className="space-y-3" data-testid="biometric-grid">
      <div className="grid items-start gap-3 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        {block(t("faceAndIrises"), FACE_SLOTS, "face", subjects.length > 1)}
        {beside}
      </div>
      <div className="grid gap-3 2xl:grid-cols-2">
        {/* Side by side, the right hand stays on the viewer's left in every language (read first all the same). */}
        {HANDS.map(([hand, fingers]) => (
          <div key={hand} className={hand === "RIGHT" ? "2xl:rtl:order-last" : undefined}>
            {block(tl(`hands.${hand}`), fingers, "finger", subjects.length > 1)}
          </div>
        ))}
      </div>
    </div>
  );
}

// Fixed heights so that the row headings line up with the images of every column.
const IMAGE_HEIGHT = { face: "h-32", finger: "h-36 2xl:h-40" } as const;

function Block({
  title,
  slots,
  rows,
  subjects,
  size,
  aid,
  onOpen,
}: {
  title: string;
  slots: readonly GridSlot[];
  rows: Map<GridSlot, AlignedRow>;
  subjects: BiometricSubject[];
  size: "face" | "finger";
  aid: SheetAid | null | undefined;
  onOpen?: (slot: GridSlot) => void;
}) {
  const tl = useTranslations("labels");
  const t = useTranslations("grid");
  const height = IMAGE_HEIGHT[size];
  const withBar = aid !== null && aid !== undefined;
  return (
    <section aria-label={title} className="rounded border border-slate-200 p-1.5">
      <div className="flex gap-2">
        {/* The block's title, then the row headings, on the reading side. */}
        <div className="flex w-28 shrink-0 flex-col gap-1 text-xs text-slate-600">
          <h3 className="h-5 truncate text-xs leading-5 font-semibold text-slate-800" title={title}>
            {title}
          </h3>
          {subjects.map((s, i) => (
            <div key={i} className="contents">
              {i === 1 && withBar && (
                <div className="flex h-7 items-center leading-tight text-slate-500" aria-hidden="true">
                  {t("aidRow")}
                </div>
              )}
              <div className={`flex ${height} items-center font-medium`} aria-hidden="true">
                {s.title}
              </div>
            </div>
          ))}
        </div>
        <div dir="ltr" className="grid flex-1 gap-x-2" style={{ gridTemplateColumns: `repeat(${slots.length}, minmax(0, 1fr))` }}>
          {slots.map((slot) => {
            const row = rows.get(slot);
            if (!row) return null;
            const position = tl(`slots.${slot}`);
            return (
              <div key={slot} data-slot={slot} className="flex min-w-0 flex-col gap-1">
                <div className="h-5 truncate text-center text-xs font-medium text-slate-700" dir="auto" title={position}>
                  {position}
                </div>
                {[row.applicant, ...row.candidates].map((cell, i) => (
                  <div key={i} className="contents">
                    {i === 1 &&
                      withBar &&
                      (slot === "FACE" ? (
                        <FaceBand status={aid.status} face={aid.face} />
                      ) : size === "face" ? (
                        <div className="h-7" aria-hidden="true" />
                      ) : (
                        <ScoreBar status={aid.status} score={aid.fingers[slot]} thresholds={aid} position={position} />
                      ))}
                    <Cell cell={cell} thumb={subjects[i]?.thumbnails?.[slot]} height={height} onOpen={onOpen && (() => onOpen(slot))} />
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

function Cell({ cell, thumb, height, onOpen }: { cell: GridCell; thumb?: string; height: string; onOpen?: () => void }) {
  const t = useTranslations("grid");
  const tl = useTranslations("labels");
  const all = useTranslations();
  const position = tl(`slots.${cell.slot}`);
  const frame = `relative flex ${height} w-full items-center justify-center overflow-hidden rounded border`;
  const badges = (
    <span className="pointer-events-none absolute bottom-0.5 start-0.5 flex flex-wrap gap-0.5">
      {cell.state === "exception" && (
        <span className="rounded bg-amber-100 px-1 text-[11px] font-medium text-amber-900" title={cell.exceptionReason ?? undefined}>
          {cell.exceptionReason ? t("exceptionWith", { reason: cell.exceptionReason }) : t("exception")}
        </span>
      )}
      {cell.qualityScore !== null && <QualityBadge score={cell.qualityScore} />}
    </span>
  );
  if (!(thumb && cell.birIndex !== null))
    return (
      <div className={`${frame} border-dashed border-slate-300 bg-white`} data-state={cell.state}>
        <span className="px-1 text-center text-xs text-slate-500">{cell.note ? t("noImageData") : t("notCaptured")}</span>
        {badges}
      </div>
    );
  // A plain <img>: thumbnails come from an authenticated no-store route, which next/image would proxy and cache.
  const image = (
    <img
      src={thumb}
      alt={describeBiometric(all, { slot: cell.slot, quality: cell.qualityScore })}
      className="max-h-full max-w-full object-contain"
    />
  );
  return onOpen ? (
    <button
      type="button"
      onClick={onOpen}
      title={t("compareTitle", { position })}
      className={`${frame} cursor-zoom-in border-slate-200 bg-slate-50 hover:border-blue-500 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600`}
      data-state={cell.state}
    >
      {image}
      {badges}
    </button>
  ) : (
    <div className={`${frame} border-slate-200 bg-slate-50`} data-state={cell.state}>
      {image}
      {badges}
    </div>
  );
}

function QualityBadge({ score }: { score: number }) {
  const t = useTranslations("grid");
  // Bands follow MOSIP's usual registration thresholds (fingers ~40-70); indicative only.
  const tone = score >= 70 ? "bg-emerald-100 text-emerald-900" : score >= 40 ? "bg-yellow-100 text-yellow-900" : "bg-red-100 text-red-900";
  return (
    // Hidden from assistive technology: the image's text alternative already says its quality.
    <span className={`rounded px-1 text-[11px] font-medium ${tone}`} title={t("qualityTitle")} aria-hidden="true">
      {t("quality", { score: Math.round(score) })}
    </span>
  );
}
