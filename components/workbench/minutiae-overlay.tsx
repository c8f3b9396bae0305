"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api-fetch";
import { FINGER_POSITIONS } from "@/lib/biometrics/positions";
import { MEASURED_ACCURACY } from "@/lib/matching/measured-accuracy";
import { useErrorText } from "@/components/use-error-text";

// The comparison aid drawn over the enlarged images (docs/decisions/0025-minutiae-overlay.md): each image's
// minutiae as an SVG in that image's own pixels, laid in the same box and under the same zoom and pan as the
// image, and lines between paired minutiae across the two panes, computed in screen space from the same view.

export interface OverlayMinutia {
  x: number;
  y: number;
  angle: number;
  quality: number;
  type: "ENDING" | "BIFURCATION";
}

export interface OverlaySide {
  width: number;
  height: number;
  minutiae: OverlayMinutia[];
}

/** The answer of GET /api/cases/{id}/candidates/{candidate}/fingers/{position}/minutiae. */
export interface FingerPair {
  score: number;
  applicant: OverlaySide;
  candidate: OverlaySide;
  pairs: [number, number][];
}

/** The view both panes share (compare-viewer.tsx): zoom factor and pan in pane pixels before zooming. */
export interface PaneView {
  zoom: number;
  x: number;
  y: number;
}

const FINGERS = new Set<string>(FINGER_POSITIONS);
const PAIRED = "#22c55e";
const UNPAIRED = "#f59e0b";

/** Where the overlay of one finger pair comes from; null where there is none (face, iris, no candidate). */
export function minutiaeUrl(caseId: string, candidateKey: string | undefined, slot: string): string | null {
  return candidateKey && FINGERS.has(slot) ? `/api/cases/${caseId}/candidates/${candidateKey}/fingers/${slot}/minutiae` : null;
}

/** Fetched only once the officer turns the overlay on: the aid is never shown before they ask. */
export function useFingerPair(url: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ["finger-pair", url],
    queryFn: () => apiFetch<FingerPair>(url!),
    enabled: enabled && url !== null,
    staleTime: Infinity,
    retry: false,
  });
}

/** Minutiae indices of one side that are paired. */
export function pairedOf(pair: FingerPair, side: 0 | 1): Set<number> {
  return new Set(pair.pairs.map((p) => p[side]));
}

/**
 * One image's minutiae in its own pixel coordinates: a circle and a tick along the minutia's direction. Laid over
 * the image in the same box (object-fit: contain ↔ xMidYMid meet), so it zooms and pans with it. Never mirrored.
 */
export function MinutiaeMarks({ side, paired, zoom, testId }: { side: OverlaySide; paired: Set<number>; zoom: number; testId: string }) {
  if (side.width === 0) return null;
  // Marks keep about the same size on screen as the officer zooms in on the ridges.
  const r = Math.max(1.5, 6 / Math.sqrt(zoom));
  return (
    <svg
      viewBox={`0 0 ${side.width} ${side.height}`}
      preserveAspectRatio="xMidYMid meet"
      className="pointer-events-none absolute inset-0 h-full w-full"
      aria-hidden="true"
      data-testid={testId}
      data-minutiae={side.minutiae.length}
    >
      {side.minutiae.map((m, i) => {
        const colour = paired.has(i) ? PAIRED : UNPAIRED;
        return (
          <g key={i} stroke={colour} fill="none" strokeWidth={1.5} vectorEffect="non-scaling-stroke">
            {m.type === "ENDING" ? (
              <circle cx={m.x} cy={m.y} r={r} vectorEffect="non-scaling-stroke" />
            ) : (
              <rect x={m.x - r} y={m.y - r} width={2 * r} height={2 * r} vectorEffect="non-scaling-stroke" />
            )}
            <line
              x1={m.x + r * Math.cos(m.angle)}
              y1={m.y + r * Math.sin(m.angle)}
              x2={m.x + 2.8 * r * Math.cos(m.angle)}
              y2={m.y + 2.8 * r * Math.sin(m.angle)}
              vectorEffect="non-scaling-stroke"
            />
          </g>
        );
      })}
    </svg>
  );
}

/** A pane's visible box, relative to the box the lines are drawn in. */
export interface PaneBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where an image point lands on screen inside its pane: the image fitted (contain) into the pane, then the shared
 * CSS transform `scale(zoom) translate(x, y)` about the pane's centre. Null when it is panned out of view.
 */
export function screenPoint(box: PaneBox, image: { width: number; height: number }, v: PaneView, px: number, py: number) {
  const s = Math.min(box.width / image.width, box.height / image.height);
  const ox = (box.width - image.width * s) / 2;
  const oy = (box.height - image.height * s) / 2;
  const x = box.width / 2 + v.zoom * (ox + px * s + v.x - box.width / 2);
  const y = box.height / 2 + v.zoom * (oy + py * s + v.y - box.height / 2);
  if (x < 0 || y < 0 || x > box.width || y > box.height) return null;
  return { x: box.left + x, y: box.top + y };
}

/** Lines between paired minutiae, from the applicant's pane to the candidate's, where both ends are in view. */
export function PairLines({ pair, boxes, view }: { pair: FingerPair; boxes: [PaneBox, PaneBox]; view: PaneView }) {
  if (pair.applicant.width === 0 || pair.candidate.width === 0) return null;
  const lines = pair.pairs.flatMap(([i, j]) => {
    const a = pair.applicant.minutiae[i];
    const b = pair.candidate.minutiae[j];
    const p = a && screenPoint(boxes[0], pair.applicant, view, a.x, a.y);
    const q = b && screenPoint(boxes[1], pair.candidate, view, b.x, b.y);
    return p && q ? [{ key: `${i}-${j}`, p, q }] : [];
  });
  return (
    <svg
      className="pointer-events-none absolute inset-0 h-full w-full"
      aria-hidden="true"
      data-testid="pair-lines"
      data-lines={lines.length}
    >
      {lines.map(({ key, p, q }) => (
        <line key={key} x1={p.x} y1={p.y} x2={q.x} y2={q.y} stroke={PAIRED} strokeOpacity={0.55} strokeWidth={1.2} />
      ))}
    </svg>
  );
}

/** What the overlay shows, said in words: an aid, its score and paired count, the legend and its measured worth. */
export function OverlayBar({ query }: { query: ReturnType<typeof useFingerPair> }) {
  const t = useTranslations("compare.overlay");
  const errorText = useErrorText();
  const a = MEASURED_ACCURACY;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 bg-slate-800 px-4 py-1.5 text-sm" role="status" data-testid="minutiae-bar">
      <span className="rounded bg-amber-200 px-1.5 text-xs font-semibold uppercase text-amber-950">{t("aid")}</span>
      {query.isPending ? (
        <span>{t("loading")}</span>
      ) : query.error ? (
        <span className="text-red-300">{t("failed", { reason: errorText(query.error) })}</span>
      ) : (
        <span data-testid="minutiae-score">{t("summary", { score: query.data.score, paired: query.data.pairs.length })}</span>
      )}
      <span className="flex items-center gap-1">
        <span className="inline-block h-3 w-3 rounded-full border-2" style={{ borderColor: PAIRED }} /> {t("paired")}
      </span>
      <span className="flex items-center gap-1">
        <span className="inline-block h-3 w-3 rounded-full border-2" style={{ borderColor: UNPAIRED }} /> {t("unpaired")}
      </span>
      <span className="text-slate-400">{t("shapes")}</span>
      <span className="text-slate-300">{t("decisionNote")}</span>
      <details className="text-slate-300">
        <summary className="cursor-pointer underline">{t("accuracyLink")}</summary>
        <p className="max-w-3xl py-1">
          {t("accuracy", {
            eer: a.synthetic.eerPercent,
            genuine: a.synthetic.genuinePairs,
            impostor: a.synthetic.impostorPairs,
            fingers: a.realSamples.distinctFingers,
            max: a.realSamples.impostorMax,
            date: a.measuredOn,
          })}
        </p>
      </details>
    </div>
  );
}
