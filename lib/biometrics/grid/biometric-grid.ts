import type { Bir } from "../cbeff/parse-cbeff";
import { FINGER_POSITIONS, type SingleFingerPosition } from "../positions";

/** The 13 places an examiner compares: face, ten fingers, two irises. */
export type GridSlot = "FACE" | SingleFingerPosition | "RIGHT_IRIS" | "LEFT_IRIS";
export type GridModality = "Face" | "Finger" | "Iris";

/**
 * Examiner order: face; right hand thumb to little, left hand thumb to little
 * (the tenprint card order, ISO finger codes 1-10); right iris then left,
 * matching the right-before-left convention of the fingers.
 */
export const GRID_SLOTS: readonly GridSlot[] = ["FACE", ...FINGER_POSITIONS, "RIGHT_IRIS", "LEFT_IRIS"];

export type CellState = "present" | "exception" | "absent";

export interface GridCell {
  slot: GridSlot;
  modality: GridModality;
  label: string;
  state: CellState;
  /** BIR to render (index into CbeffDocument.birs); null when there is nothing to show. */
  birIndex: number | null;
  /** CBEFF <Quality><Score> of that BIR (0-100). */
  qualityScore: number | null;
  /** Why the biometric is missing, when the data says so. */
  exceptionReason: string | null;
  /** Other BIRs for the same slot (duplicates), shown on request. */
  otherBirIndexes: number[];
  /** Something an examiner should know, e.g. a BIR that carries no image. */
  note: string | null;
}

/** A BIR that has no grid place: exception photo, slap images, unknown subtypes. */
export interface GridExtra {
  birIndex: number;
  type: string;
  subtype: string | null;
  qualityScore: number | null;
  exception: boolean;
}

export interface BiometricGrid {
  cells: GridCell[];
  extras: GridExtra[];
}

export interface GridOptions {
  /**
   * Exception reasons from elsewhere (packet meta info `exceptionBiometrics`),
   * by slot; used when the BIR's Others carry none.
   */
  exceptionReasons?: Partial<Record<GridSlot, string>>;
}

const LABELS: Record<GridSlot, string> = {
  FACE: "Face",
  RIGHT_THUMB: "Right thumb",
  RIGHT_INDEX: "Right index",
  RIGHT_MIDDLE: "Right middle",
  RIGHT_RING: "Right ring",
  RIGHT_LITTLE: "Right little",
  LEFT_THUMB: "Left thumb",
  LEFT_INDEX: "Left index",
  LEFT_MIDDLE: "Left middle",
  LEFT_RING: "Left ring",
  LEFT_LITTLE: "Left little",
  RIGHT_IRIS: "Right iris",
  LEFT_IRIS: "Left iris",
};

export function slotLabel(slot: GridSlot): string {
  return LABELS[slot];
}

export function slotModality(slot: GridSlot): GridModality {
  if (slot === "FACE") return "Face";
  return slot.endsWith("_IRIS") ? "Iris" : "Finger";
}

/** Where a BIR goes, or null when it has no place in the grid. */
export function slotOf(bir: Pick<Bir, "type" | "subtype">): GridSlot | null {
  if (bir.type === "Face") return "FACE";
  if (bir.type === "Finger") {
    return (FINGER_POSITIONS as readonly string[]).includes(bir.subtype ?? "") ? (bir.subtype as SingleFingerPosition) : null;
  }
  if (bir.type === "Iris") {
    if (bir.subtype === "LEFT") return "LEFT_IRIS";
    if (bir.subtype === "RIGHT") return "RIGHT_IRIS";
  }
  return null;
}

// Others keys MOSIP and device vendors have used for the reason; the set is open-ended.
const REASON_KEY = /^(EXCEPTION_?REASON|REASON|EXCEPTION_?TYPE|MISSING_?REASON)$/i;

function reasonFromOthers(others: Record<string, string>): string | null {
  for (const [k, v] of Object.entries(others)) if (REASON_KEY.test(k) && v.trim()) return v.trim();
  return null;
}

/** Renderable beats exception beats empty; then the better quality; then document order. */
function rank(bir: Bir): number {
  if (!bir.exception && bir.bdb) return 2;
  return bir.exception ? 1 : 0;
}

function pick(birs: Bir[]): Bir {
  return [...birs].sort((a, b) => rank(b) - rank(a) || (b.qualityScore ?? -1) - (a.qualityScore ?? -1) || a.index - b.index)[0];
}

/**
 * The examiner's grid for one subject from parsed CBEFF BIRs. Always 13
 * cells in GRID_SLOTS order, so two subjects line up cell for cell. Pure.
 */
export function buildBiometricGrid(birs: readonly Bir[], options: GridOptions = {}): BiometricGrid {
  const bySlot = new Map<GridSlot, Bir[]>();
  const extras: GridExtra[] = [];
  for (const bir of birs) {
    const slot = slotOf(bir);
    if (slot) bySlot.set(slot, [...(bySlot.get(slot) ?? []), bir]);
    else
      extras.push({ birIndex: bir.index, type: bir.type, subtype: bir.subtype, qualityScore: bir.qualityScore, exception: bir.exception });
  }
  const cells = GRID_SLOTS.map((slot): GridCell => {
    const base = { slot, modality: slotModality(slot), label: LABELS[slot] };
    const candidates = bySlot.get(slot);
    const fallbackReason = options.exceptionReasons?.[slot] ?? null;
    if (!candidates) {
      // No BIR, but the packet lists it as an exception: still an exception, not a gap.
      if (fallbackReason) {
        return {
          ...base,
          state: "exception",
          birIndex: null,
          qualityScore: null,
          exceptionReason: fallbackReason,
          otherBirIndexes: [],
          note: null,
        };
      }
      return { ...base, state: "absent", birIndex: null, qualityScore: null, exceptionReason: null, otherBirIndexes: [], note: null };
    }
    const chosen = pick(candidates);
    const otherBirIndexes = candidates.filter((b) => b !== chosen).map((b) => b.index);
    if (chosen.exception) {
      return {
        ...base,
        state: "exception",
        // Some devices still send an image for an exception; keep it viewable.
        birIndex: chosen.bdb ? chosen.index : null,
        qualityScore: chosen.qualityScore,
        exceptionReason: reasonFromOthers(chosen.others) ?? fallbackReason,
        otherBirIndexes,
        note: null,
      };
    }
    if (!chosen.bdb) {
      return {
        ...base,
        state: "absent",
        birIndex: null,
        qualityScore: chosen.qualityScore,
        exceptionReason: null,
        otherBirIndexes,
        note: "biometric record has no image data",
      };
    }
    return {
      ...base,
      state: "present",
      birIndex: chosen.index,
      qualityScore: chosen.qualityScore,
      exceptionReason: null,
      otherBirIndexes,
      note: null,
    };
  });
  return { cells, extras };
}

export interface AlignedRow {
  slot: GridSlot;
  modality: GridModality;
  label: string;
  applicant: GridCell;
  candidates: GridCell[];
}

/** Applicant and candidates side by side: one row per slot, in GRID_SLOTS order. */
export function alignGrids(applicant: BiometricGrid, candidates: readonly BiometricGrid[]): AlignedRow[] {
  const cellAt = (grid: BiometricGrid, slot: GridSlot) => grid.cells.find((c) => c.slot === slot)!;
  return GRID_SLOTS.map((slot) => ({
    slot,
    modality: slotModality(slot),
    label: LABELS[slot],
    applicant: cellAt(applicant, slot),
    candidates: candidates.map((g) => cellAt(g, slot)),
  }));
}
