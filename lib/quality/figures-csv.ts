// Every figure of the quality report as CSV, one figure per row, for spreadsheets and programme reports.
import { DECISION_TIME_BINS } from "./agreement-figures";
import type { Kappa } from "./cohen-kappa";
import type { QualityFigures } from "./load-quality-figures";
import type { Proportion } from "./wilson-interval";

export const CSV_HEADER = ["section", "figure", "operator", "operator_b", "value", "successes", "n", "ci95_low", "ci95_high"] as const;

type Cell = string | number | null;

/**
 * One CSV field. Text is always quoted (quotes doubled), and a cell that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab/return) is prefixed with ' — usernames are chosen by people.
 */
export function csvCell(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(Number(v.toFixed(6))) : "";
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function figuresCsv(f: QualityFigures): string {
  const rows: Cell[][] = [];
  const proportion = (section: string, figure: string, op: string | null, p: Proportion, b: string | null = null) =>
    rows.push([section, figure, op, b, p.rate, p.successes, p.n, p.low, p.high]);
  const kappa = (figure: string, a: string | null, b: string | null, k: Kappa) =>
    rows.push(["agreement", figure, a, b, k.kappa, null, k.items, null, null]);

  for (const [section, list] of [
    ["known_answers", f.knownAnswers],
    ["training", f.training],
  ] as const) {
    for (const o of list) {
      rows.push([section, "decisions", o.username, null, o.decisions, null, o.decisions, null, null]);
      proportion(section, "accuracy", o.username, o.accuracy);
      proportion(section, "false_duplicate_rate", o.username, o.falseDuplicateRate);
      proportion(section, "missed_duplicate_rate", o.username, o.missedDuplicateRate);
      rows.push([section, "cannot_adjudicate", o.username, null, o.cannotAdjudicate, null, o.decisions, null, null]);
    }
  }
  for (const o of f.sampleReview) proportion("sample_review", "error_rate", o.username, o.errorRate);
  kappa("kappa_overall", null, null, f.agreement.overallKappa);
  for (const p of f.agreement.pairs) kappa("kappa_pair", p.a.username, p.b.username, p);
  proportion("agreement", "conflict_rate_overall", null, f.agreement.conflictRate);
  for (const o of f.agreement.operators) {
    proportion("agreement", "conflict_rate", o.username, o.conflictRate);
    proportion("agreement", "overturned_rate", o.username, o.overturnedRate);
    rows.push(["decision_time", "seconds_p50", o.username, null, o.decisionSeconds.p50, null, o.decisionSeconds.n, null, null]);
    rows.push(["decision_time", "seconds_p90", o.username, null, o.decisionSeconds.p90, null, o.decisionSeconds.n, null, null]);
    o.decisionSeconds.histogram.forEach((count, i) => {
      const bin = i < DECISION_TIME_BINS.length ? `count_upto_${DECISION_TIME_BINS[i]}s` : `count_over_${DECISION_TIME_BINS.at(-1)}s`;
      rows.push(["decision_time", bin, o.username, null, count, null, o.decisionSeconds.n, null, null]);
    });
  }
  return `${[CSV_HEADER.join(","), ...rows.map((r) => r.map(csvCell).join(","))].join("\r\n")}\r\n`;
}
