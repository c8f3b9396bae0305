import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { csvCell, figuresCsv } from "./figures-csv";
import { wilsonInterval } from "./wilson-interval";

describe("quality CSV", () => {
  it("quotes text, doubles quotes and defuses spreadsheet formulas", () => {
    assert.equal(csvCell('a "b", c'), '"a ""b"", c"');
    assert.equal(csvCell("=HYPERLINK(1)"), `"'=HYPERLINK(1)"`);
    assert.equal(csvCell(0.5), "0.5");
    assert.equal(csvCell(null), "");
  });

  it("writes every figure: one row per operator figure, pair kappa and decision-time percentile", () => {
    const op = { userId: "a", username: "alice" };
    const p = wilsonInterval(8, 10);
    const csv = figuresCsv({
      since: "2026-11-01T00:00:00.000Z",
      until: "2026-12-01T00:00:00.000Z",
      knownAnswers: [{ ...op, decisions: 10, accuracy: p, falseDuplicateRate: p, missedDuplicateRate: p, cannotAdjudicate: 0 }],
      training: [],
      sampleReview: [{ ...op, errorRate: wilsonInterval(1, 4) }],
      agreement: {
        overallKappa: { kappa: 0.4, observed: 0.7, expected: 0.5, items: 50 },
        pairs: [{ a: op, b: { userId: "b", username: "bob" }, cases: 3, kappa: 0.5, observed: 0.75, expected: 0.5, items: 6 }],
        conflictRate: wilsonInterval(1, 4),
        operators: [
          { ...op, conflictRate: p, overturnedRate: p, decisionSeconds: { n: 4, p50: 60, p90: 300, histogram: [1, 1, 1, 1, 0, 0, 0] } },
        ],
      },
    });
    const lines = csv.trimEnd().split("\r\n");
    assert.equal(lines[0], "section,figure,operator,operator_b,value,successes,n,ci95_low,ci95_high");
    assert.ok(lines.includes('"known_answers","accuracy","alice",,0.8,8,10,0.490162,0.943318'), csv);
    assert.ok(lines.includes('"agreement","kappa_pair","alice","bob",0.5,,6,,'));
    assert.ok(lines.includes('"decision_time","seconds_p90","alice",,300,,4,,'));
    assert.ok(lines.includes('"decision_time","count_upto_30s","alice",,1,,4,,'));
    assert.ok(lines.includes('"decision_time","count_over_1200s","alice",,0,,4,,'));
    assert.equal(lines.length, 1 + 5 + 1 + 1 + 1 + 1 + 4 + 7);
  });
});
