// Agreement between reviewers: Cohen's kappa per pair and overall, conflict rates, who the conflict resolution
// overturned, and decision times. Pure, from decided cases the loader reads (load-agreement.ts).
import { cohenKappa, type Kappa } from "./cohen-kappa";
import { answerOf, itemLabels, type StoredDecision } from "./decision-answer";
import type { Level, Operator } from "./operator-figures";
import { percentile } from "./percentile";
import { wilsonInterval, type Proportion } from "./wilson-interval";

export interface ReviewedCase {
  gallery: readonly string[];
  decisions: readonly (Operator & { level: Level; decision: StoredDecision; createdAt: Date })[];
  primaryAssignedAt: Date | null;
  secondaryAssignedAt: Date | null;
}

export interface PairKappa extends Kappa {
  /** The two operators, in username order. */
  a: Operator;
  b: Operator;
  /** Cases both reviewed (one as primary, the other as secondary). */
  cases: number;
}

/**
 * Upper bounds, in seconds, of the decision-time distribution's bins: up to 30 s, 30 s to 1 min, ... and a last
 * bin for anything over 20 minutes. Fixed, so distributions of different officers and months compare bin by bin.
 */
export const DECISION_TIME_BINS = [30, 60, 120, 300, 600, 1200] as const;

/** How many of `seconds` fall in each bin of DECISION_TIME_BINS (a value on a bound goes to the lower bin), plus the last. */
export function decisionTimeHistogram(seconds: readonly number[]): number[] {
  const counts = new Array<number>(DECISION_TIME_BINS.length + 1).fill(0);
  for (const s of seconds) {
    const i = DECISION_TIME_BINS.findIndex((limit) => s <= limit);
    counts[i === -1 ? DECISION_TIME_BINS.length : i]++;
  }
  return counts;
}

export interface OperatorAgreement extends Operator {
  /** Of this operator's cases with a second review (as primary or secondary): those whose two reviews disagreed. */
  conflictRate: Proportion;
  /** Of this operator's conflicts that were resolved: those where the resolution went against them. */
  overturnedRate: Proportion;
  /** Seconds from the assignment of the review to its decision, primary and secondary reviews together. */
  decisionSeconds: {
    n: number;
    p50: number | null;
    p90: number | null;
    /** Decisions per bin of DECISION_TIME_BINS, the last bin for longer ones. */
    histogram: number[];
  };
}

export interface AgreementFigures {
  overallKappa: Kappa;
  pairs: PairKappa[];
  /** Of all cases with a second review: those that went to conflict. */
  conflictRate: Proportion;
  operators: OperatorAgreement[];
}

export function agreementFigures(cases: readonly ReviewedCase[]): AgreementFigures {
  const overall: [string, string][] = [];
  const pairs = new Map<string, { a: Operator; b: Operator; labels: [string, string][]; cases: number }>();
  const ops = new Map<
    string,
    { op: Operator; double: number; conflicts: number; resolved: number; overturned: number; seconds: number[] }
  >();
  const op = (o: Operator) => {
    const t = ops.get(o.userId) ?? {
      op: { userId: o.userId, username: o.username },
      double: 0,
      conflicts: 0,
      resolved: 0,
      overturned: 0,
      seconds: [],
    };
    ops.set(o.userId, t);
    return t;
  };
  let double = 0;
  let conflicts = 0;

  for (const c of cases) {
    const at = (level: Level) => c.decisions.find((d) => d.level === level);
    const primary = at("PRIMARY");
    const secondary = at("SECONDARY");
    const supervisor = at("SUPERVISOR");
    for (const [d, assignedAt] of [
      [primary, c.primaryAssignedAt],
      [secondary, c.secondaryAssignedAt],
    ] as const) {
      if (d && assignedAt && d.createdAt >= assignedAt) op(d).seconds.push((d.createdAt.getTime() - assignedAt.getTime()) / 1000);
    }
    if (!primary || !secondary) continue;
    double++;
    const p = itemLabels(primary.decision, c.gallery);
    const s = itemLabels(secondary.decision, c.gallery);
    const items = p.map((label, i) => [label, s[i]] as [string, string]);
    overall.push(...items);
    const [a, b] = [primary, secondary].sort((x, y) => x.username.localeCompare(y.username));
    const key = `${a.userId}|${b.userId}`;
    const pair = pairs.get(key) ?? {
      a: { userId: a.userId, username: a.username },
      b: { userId: b.userId, username: b.username },
      labels: [],
      cases: 0,
    };
    // Within a pair the raters keep a fixed order (a, b) whatever their levels, so κ is symmetric in them.
    pair.labels.push(...items.map(([pl, sl]) => (a === primary ? [pl, sl] : [sl, pl]) as [string, string]));
    pair.cases++;
    pairs.set(key, pair);

    const conflict = answerOf(primary.decision) !== answerOf(secondary.decision);
    if (conflict) conflicts++;
    for (const d of [primary, secondary]) {
      const t = op(d);
      t.double++;
      if (!conflict) continue;
      t.conflicts++;
      if (!supervisor) continue;
      t.resolved++;
      if (answerOf(d.decision) !== answerOf(supervisor.decision)) t.overturned++;
    }
  }

  return {
    overallKappa: cohenKappa(overall),
    pairs: [...pairs.values()]
      .map((p) => ({ a: p.a, b: p.b, cases: p.cases, ...cohenKappa(p.labels) }))
      .sort((x, y) => x.a.username.localeCompare(y.a.username) || x.b.username.localeCompare(y.b.username)),
    conflictRate: wilsonInterval(conflicts, double),
    operators: [...ops.values()]
      .map((t) => ({
        ...t.op,
        conflictRate: wilsonInterval(t.conflicts, t.double),
        overturnedRate: wilsonInterval(t.overturned, t.resolved),
        decisionSeconds: {
          n: t.seconds.length,
          p50: percentile(t.seconds, 50),
          p90: percentile(t.seconds, 90),
          histogram: decisionTimeHistogram(t.seconds),
        },
      }))
      .sort((a, b) => a.username.localeCompare(b.username)),
  };
}
