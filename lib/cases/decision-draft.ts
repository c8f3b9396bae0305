import { FINGER_POSITIONS, type SingleFingerPosition } from "@/lib/biometrics/positions";
import type { DecisionInput } from "./decision-input";

// The officer's unfinished decision, kept in the browser until they confirm. Pure, so the keyboard
// shortcuts and the buttons change it the same way and the summary shown before sending is exact.

export interface CandidateDraft {
  referenceId: string;
  duplicate: boolean | null;
  face: boolean;
  fingers: SingleFingerPosition[];
  irises: ("LEFT" | "RIGHT")[];
}

export interface DecisionDraft {
  kind: "ADJUDICATION" | "VERIFICATION";
  candidates: CandidateDraft[];
  current: number;
  approve: boolean | null;
  cannotAdjudicate: boolean;
  comment: string;
}

export type DraftAction =
  | { type: "select"; index: number }
  | { type: "next" }
  | { type: "previous" }
  | { type: "verdict"; duplicate: boolean }
  | { type: "toggleFace" }
  | { type: "toggleFinger"; finger: SingleFingerPosition }
  | { type: "toggleIris"; eye: "LEFT" | "RIGHT" }
  | { type: "approve"; approve: boolean }
  | { type: "cannotAdjudicate"; on: boolean }
  | { type: "comment"; text: string };

export function newDraft(kind: DecisionDraft["kind"], referenceIds: readonly string[]): DecisionDraft {
  return {
    kind,
    candidates: referenceIds.map((referenceId) => ({ referenceId, duplicate: null, face: false, fingers: [], irises: [] })),
    current: 0,
    approve: null,
    cannotAdjudicate: false,
    comment: "",
  };
}

function updateCurrent(d: DecisionDraft, f: (c: CandidateDraft) => CandidateDraft): DecisionDraft {
  if (!d.candidates.length) return d;
  return { ...d, candidates: d.candidates.map((c, i) => (i === d.current ? f(c) : c)) };
}

function toggle<T>(list: T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

export function reduceDraft(d: DecisionDraft, a: DraftAction): DecisionDraft {
  const n = d.candidates.length;
  switch (a.type) {
    case "select":
      return a.index >= 0 && a.index < n ? { ...d, current: a.index } : d;
    case "next":
      return n ? { ...d, current: (d.current + 1) % n } : d;
    case "previous":
      return n ? { ...d, current: (d.current - 1 + n) % n } : d;
    case "verdict":
      // Marking "not duplicate" clears matched modalities: they would contradict the verdict in the analytics.
      return updateCurrent(d, (c) =>
        a.duplicate ? { ...c, duplicate: true } : { ...c, duplicate: false, face: false, fingers: [], irises: [] },
      );
    case "toggleFace":
      return updateCurrent(d, (c) => ({ ...c, face: !c.face, duplicate: !c.face ? true : c.duplicate }));
    case "toggleFinger":
      return updateCurrent(d, (c) => {
        const fingers = toggle(c.fingers, a.finger).sort((x, y) => FINGER_POSITIONS.indexOf(x) - FINGER_POSITIONS.indexOf(y));
        return { ...c, fingers, duplicate: fingers.length > c.fingers.length ? true : c.duplicate };
      });
    case "toggleIris":
      return updateCurrent(d, (c) => {
        const irises = toggle(c.irises, a.eye);
        return { ...c, irises, duplicate: irises.length > c.irises.length ? true : c.duplicate };
      });
    case "approve":
      return { ...d, approve: a.approve, cannotAdjudicate: false };
    case "cannotAdjudicate":
      return { ...d, cannotAdjudicate: a.on };
    case "comment":
      return { ...d, comment: a.text };
  }
}

/** What is still missing, as a kind the page words in the officer's language. */
export type MissingPart = { kind: "comment" } | { kind: "approve" } | { kind: "verdict"; candidate: number };
export type DraftCheck = { ready: true; decision: DecisionInput } | { ready: false; missing: MissingPart };

/** Whether the draft can be sent, and what body it becomes. */
export function checkDraft(d: DecisionDraft): DraftCheck {
  const comment = d.comment.trim();
  if (d.cannotAdjudicate) {
    return comment ? { ready: true, decision: { cannotAdjudicate: true, comment } } : { ready: false, missing: { kind: "comment" } };
  }
  if (d.kind === "VERIFICATION") {
    if (d.approve === null) return { ready: false, missing: { kind: "approve" } };
    return { ready: true, decision: { approve: d.approve, ...(comment ? { comment } : {}) } };
  }
  const open = d.candidates.findIndex((c) => c.duplicate === null);
  if (open >= 0) return { ready: false, missing: { kind: "verdict", candidate: open + 1 } };
  return {
    ready: true,
    decision: {
      candidates: d.candidates.map((c) => ({
        referenceId: c.referenceId,
        duplicate: c.duplicate === true,
        ...(c.duplicate ? { modalities: { face: c.face, fingers: c.fingers, irises: c.irises } } : {}),
      })),
      ...(comment ? { comment } : {}),
    },
  };
}

/**
 * The lines of the confirmation step, exactly what MOSIP will be told, as parts the page words in the officer's
 * language (components/workbench/use-decision-summary.ts).
 */
export type SummaryLine =
  | { kind: "cannotAdjudicate" }
  | { kind: "reason"; comment: string }
  | { kind: "approve" | "reject" }
  | { kind: "duplicates"; count: number }
  | { kind: "noDuplicate" }
  | { kind: "candidate"; index: number; duplicate: false }
  | { kind: "candidate"; index: number; duplicate: true; face: boolean; fingers: SingleFingerPosition[]; irises: ("LEFT" | "RIGHT")[] }
  | { kind: "comment"; comment: string };

export function summariseDecision(decision: DecisionInput): SummaryLine[] {
  if ("cannotAdjudicate" in decision) return [{ kind: "cannotAdjudicate" }, { kind: "reason", comment: decision.comment }];
  if ("approve" in decision)
    return [
      { kind: decision.approve ? "approve" : "reject" },
      ...(decision.comment ? [{ kind: "comment" as const, comment: decision.comment }] : []),
    ];
  const dups = decision.candidates.filter((c) => c.duplicate).length;
  const lines: SummaryLine[] = [dups ? { kind: "duplicates", count: dups } : { kind: "noDuplicate" }];
  for (const [index, c] of decision.candidates.entries()) {
    const m = c.modalities ?? {};
    lines.push(
      c.duplicate
        ? {
            kind: "candidate",
            index,
            duplicate: true,
            face: m.face === true,
            fingers: [...(m.fingers ?? [])],
            irises: [...(m.irises ?? [])],
          }
        : { kind: "candidate", index, duplicate: false },
    );
  }
  if (decision.comment) lines.push({ kind: "comment", comment: decision.comment });
  return lines;
}
