// Per-operator known-answer and sample-review figures, and agreement figures, on small hand-computed examples.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { agreementFigures, decisionTimeHistogram, type ReviewedCase } from "./agreement-figures";
import type { StoredDecision } from "./decision-answer";
import { knownAnswerFigures, sampleReviewFigures } from "./operator-figures";
import { monthOf, qualityPeriod } from "./quality-period";

const alice = { userId: "a", username: "alice" };
const bob = { userId: "b", username: "bob" };
const carol = { userId: "c", username: "carol" };
const verdicts = (...dup: boolean[]): StoredDecision => ({ candidates: dup.map((d, i) => ({ referenceId: `r${i + 1}`, duplicate: d })) });
const cannot: StoredDecision = { cannotAdjudicate: true };

describe("known-answer figures", () => {
  it("accuracy per decision, false and missed duplicates per candidate, cannot-adjudicate counted as wrong", () => {
    const truth = { gallery: ["r1", "r2", "r3"], duplicates: ["r2"] };
    const figures = knownAnswerFigures([
      { ...alice, truth, decision: verdicts(false, true, false) }, // right
      { ...alice, truth, decision: verdicts(true, false, false) }, // r1 false duplicate, r2 missed
      { ...alice, truth, decision: cannot },
      { ...bob, truth: { gallery: ["r1"], duplicates: [] }, decision: verdicts(false) },
    ]);
    const [a, b] = figures;
    assert.equal(a.username, "alice");
    assert.equal(a.decisions, 3);
    assert.deepEqual([a.accuracy.successes, a.accuracy.n], [1, 3]);
    assert.deepEqual([a.falseDuplicateRate.successes, a.falseDuplicateRate.n], [1, 4]);
    assert.deepEqual([a.missedDuplicateRate.successes, a.missedDuplicateRate.n], [1, 2]);
    assert.equal(a.cannotAdjudicate, 1);
    assert.equal(b.accuracy.rate, 1);
    assert.equal(b.missedDuplicateRate.rate, null, "no true duplicate judged: no missed-duplicate rate");
  });
});

describe("sample-review figures", () => {
  it("a decision counts as an error only when its level is among the wrong ones", () => {
    const [a, b] = sampleReviewFigures([
      {
        outcome: "ERROR",
        wrongLevels: ["PRIMARY"],
        decisions: [
          { ...alice, level: "PRIMARY" },
          { ...bob, level: "SECONDARY" },
        ],
      },
      {
        outcome: "CONFIRMED",
        wrongLevels: [],
        decisions: [
          { ...alice, level: "PRIMARY" },
          { ...bob, level: "SECONDARY" },
        ],
      },
    ]);
    assert.deepEqual([a.username, a.errorRate.successes, a.errorRate.n], ["alice", 1, 2]);
    assert.deepEqual([b.username, b.errorRate.successes, b.errorRate.n], ["bob", 0, 2]);
  });
});

describe("agreement figures", () => {
  const t0 = new Date("2026-12-01T10:00:00Z");
  const at = (s: number) => new Date(t0.getTime() + s * 1000);
  const gallery = ["r1", "r2"];
  const cases: ReviewedCase[] = [
    {
      gallery,
      primaryAssignedAt: t0,
      secondaryAssignedAt: null,
      decisions: [
        { ...alice, level: "PRIMARY", decision: verdicts(true, false), createdAt: at(60) },
        { ...bob, level: "SECONDARY", decision: verdicts(true, false), createdAt: at(200) },
      ],
    },
    {
      // conflict, resolved for alice: bob is overturned
      gallery,
      primaryAssignedAt: t0,
      secondaryAssignedAt: null,
      decisions: [
        { ...alice, level: "PRIMARY", decision: verdicts(false, false), createdAt: at(120) },
        { ...bob, level: "SECONDARY", decision: verdicts(true, false), createdAt: at(300) },
        { ...carol, level: "SUPERVISOR", decision: verdicts(false, false), createdAt: at(400) },
      ],
    },
    {
      gallery,
      primaryAssignedAt: null,
      secondaryAssignedAt: t0,
      decisions: [
        { ...bob, level: "PRIMARY", decision: verdicts(false, false), createdAt: at(5) },
        { ...alice, level: "SECONDARY", decision: verdicts(false, false), createdAt: at(10) },
      ],
    },
    {
      gallery,
      primaryAssignedAt: t0,
      secondaryAssignedAt: null,
      decisions: [
        { ...alice, level: "PRIMARY", decision: cannot, createdAt: at(300) },
        { ...carol, level: "SECONDARY", decision: cannot, createdAt: at(500) },
      ],
    },
    // a single review: no pair, no conflict, but a decision time
    {
      gallery,
      primaryAssignedAt: t0,
      secondaryAssignedAt: null,
      decisions: [{ ...carol, level: "PRIMARY", decision: verdicts(false, false), createdAt: at(42) }],
    },
  ];
  const f = agreementFigures(cases);

  it("kappa per pair: alice/bob over 6 candidate items is 4/7; alice/carol always 'cannot' says nothing", () => {
    // alice D N N N N N, bob D N D N N N: p_o = 5/6, p_e = (1·2 + 5·4)/36 = 11/18, κ = (15/18 − 11/18)/(7/18)
    const ab = f.pairs.find((p) => p.a.username === "alice" && p.b.username === "bob")!;
    assert.equal(ab.cases, 3);
    assert.equal(ab.items, 6);
    assert.ok(Math.abs(ab.kappa! - 4 / 7) < 1e-9);
    const ac = f.pairs.find((p) => p.a.username === "alice" && p.b.username === "carol")!;
    assert.equal(ac.kappa, null);
  });

  it("overall kappa pools primary against secondary: 15/19", () => {
    // primary D N N N N N C C, secondary D N D N N N C C: p_o = 7/8, p_e = (1·2 + 5·4 + 2·2)/64 = 13/32
    assert.equal(f.overallKappa.items, 8);
    assert.ok(Math.abs(f.overallKappa.kappa! - 15 / 19) < 1e-9);
  });

  it("conflict rates and who was overturned", () => {
    assert.deepEqual([f.conflictRate.successes, f.conflictRate.n], [1, 4]);
    const [a, b, c] = f.operators;
    assert.deepEqual(
      [a.username, a.conflictRate.successes, a.conflictRate.n, a.overturnedRate.successes, a.overturnedRate.n],
      ["alice", 1, 4, 0, 1],
    );
    assert.deepEqual(
      [b.username, b.conflictRate.successes, b.conflictRate.n, b.overturnedRate.successes, b.overturnedRate.n],
      ["bob", 1, 3, 1, 1],
    );
    assert.deepEqual([c.username, c.conflictRate.n, c.overturnedRate.rate], ["carol", 1, null]);
  });

  it("decision times from each review's assignment: alice 60, 120, 10, 300 s gives p50 60 and p90 300", () => {
    const a = f.operators.find((o) => o.username === "alice")!;
    // Bins up to 30 s, 1, 2, 5, 10, 20 min and over: 10 | 60 | 120 | 300, each on or under its bin's bound.
    assert.deepEqual(a.decisionSeconds, { n: 4, p50: 60, p90: 300, histogram: [1, 1, 1, 1, 0, 0, 0] });
    const c = f.operators.find((o) => o.username === "carol")!;
    assert.deepEqual(c.decisionSeconds, { n: 1, p50: 42, p90: 42, histogram: [0, 1, 0, 0, 0, 0, 0] });
  });

  it("a decision time over the last bound goes to the last bin", () => {
    assert.deepEqual(decisionTimeHistogram([0, 30.5, 1200, 1200.5, 86_400]), [1, 1, 0, 0, 0, 1, 2]);
  });
});

describe("the period of the figures", () => {
  it("a month runs from its first UTC midnight to the next month's, December into January", () => {
    const { since, until } = qualityPeriod({ month: "2026-12" });
    assert.deepEqual([since.toISOString(), until.toISOString()], ["2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"]);
  });

  it("the last n days end now; this month and last month are named in UTC", () => {
    const now = new Date("2027-01-01T00:30:00.000Z");
    assert.equal(qualityPeriod({ days: 2 }, now).since.toISOString(), "2026-12-30T00:30:00.000Z");
    assert.deepEqual([monthOf(now), monthOf(now, 1)], ["2027-01", "2026-12"]);
  });
});
