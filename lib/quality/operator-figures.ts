// Per-operator figures on known answers and on sample review: pure, from rows the loader reads
// (load-operator-figures.ts), so that every figure can be checked by hand in the unit tests.
import type { StoredDecision } from "./decision-answer";
import { scoreKnownAnswer, type KnownTruth } from "./score-known-answer";
import { wilsonInterval, type Proportion } from "./wilson-interval";

export interface Operator {
  userId: string;
  username: string;
}

export interface KnownAnswerDecisionRow extends Operator {
  truth: KnownTruth;
  decision: StoredDecision;
}

export interface KnownAnswerFigures extends Operator {
  /** Decisions on known-answer cases, at any level. */
  decisions: number;
  accuracy: Proportion;
  /** Per candidate that is not the applicant: called a duplicate. */
  falseDuplicateRate: Proportion;
  /** Per candidate that is the applicant: called not a duplicate. */
  missedDuplicateRate: Proportion;
  cannotAdjudicate: number;
}

export function knownAnswerFigures(rows: readonly KnownAnswerDecisionRow[]): KnownAnswerFigures[] {
  const by = new Map<
    string,
    { op: Operator; n: number; correct: number; nd: number; fd: number; dj: number; md: number; cannot: number }
  >();
  for (const r of rows) {
    const s = scoreKnownAnswer(r.truth, r.decision);
    const t = by.get(r.userId) ?? {
      op: { userId: r.userId, username: r.username },
      n: 0,
      correct: 0,
      nd: 0,
      fd: 0,
      dj: 0,
      md: 0,
      cannot: 0,
    };
    t.n++;
    if (s.correct) t.correct++;
    if (s.cannotAdjudicate) t.cannot++;
    t.nd += s.nonDuplicatesJudged;
    t.fd += s.falseDuplicates;
    t.dj += s.duplicatesJudged;
    t.md += s.missedDuplicates;
    by.set(r.userId, t);
  }
  return [...by.values()]
    .map((t) => ({
      ...t.op,
      decisions: t.n,
      accuracy: wilsonInterval(t.correct, t.n),
      falseDuplicateRate: wilsonInterval(t.fd, t.nd),
      missedDuplicateRate: wilsonInterval(t.md, t.dj),
      cannotAdjudicate: t.cannot,
    }))
    .sort((a, b) => a.username.localeCompare(b.username));
}

export type Level = "PRIMARY" | "SECONDARY" | "SUPERVISOR";

export interface SampleReviewRow {
  outcome: "CONFIRMED" | "ERROR";
  wrongLevels: readonly Level[];
  decisions: readonly (Operator & { level: Level })[];
}

export interface SampleReviewFigures extends Operator {
  /** Decisions of this operator on reviewed cases, and the share the reviewer found wrong. */
  errorRate: Proportion;
}

/** Each decision on a reviewed case counts for its author: wrong when its level is among the wrong levels. */
export function sampleReviewFigures(rows: readonly SampleReviewRow[]): SampleReviewFigures[] {
  const by = new Map<string, { op: Operator; n: number; wrong: number }>();
  for (const r of rows) {
    for (const d of r.decisions) {
      const t = by.get(d.userId) ?? { op: { userId: d.userId, username: d.username }, n: 0, wrong: 0 };
      t.n++;
      if (r.outcome === "ERROR" && r.wrongLevels.includes(d.level)) t.wrong++;
      by.set(d.userId, t);
    }
  }
  return [...by.values()]
    .map((t) => ({ ...t.op, errorRate: wilsonInterval(t.wrong, t.n) }))
    .sort((a, b) => a.username.localeCompare(b.username));
}
