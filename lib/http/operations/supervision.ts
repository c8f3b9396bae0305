import { releaseBody } from "@/lib/cases/release-case";
import { bulkReassignBody } from "@/lib/cases/bulk-reassign";
import { caseIdParams } from "@/lib/cases/case-params";
import { exportProfilesQuery } from "@/lib/analytics/export-profiles";
import { qualitySettingsSchema } from "@/lib/settings/quality-settings";
import { qualityFiguresQuery } from "@/lib/quality/load-quality-figures";
import { sampleReviewBody } from "@/lib/quality/record-sample-review";
import { trainingBody } from "@/lib/known-answers/assign-training-cases";
import { operation } from "../operation";

/** The supervisor's dashboard and tools, and the anonymous analytics export. */
export const supervisionOperations = {
  dashboard: operation({
    method: "GET",
    path: "/api/supervision/dashboard",
    permission: "cases.viewAll",
    summary:
      "Supervisor dashboard: cases by state, oldest open case, cases near MOSIP's deadline, conflicts, throughput, median time to decision, agreement rate, workload per operator",
    response: { status: 200 },
  }),
  operatorWorkload: operation({
    method: "GET",
    path: "/api/supervision/operators",
    permission: "cases.viewAll",
    summary: "Reviewers with their open cases, cap and decisions (24 h / 7 days) per level",
    response: { status: 200 },
  }),
  workLimits: operation({
    method: "GET",
    path: "/api/supervision/work-limits",
    permission: "cases.viewAll",
    summary:
      "Reviewers with their work against the fatigue limits (decisions in the last hour and 24 hours, minutes of continuous work), who is near (80%) or at a limit and when they can resume",
    response: { status: 200 },
  }),
  releaseCase: operation({
    method: "POST",
    path: "/api/supervision/cases/{id}/release",
    permission: "cases.reassign",
    summary: "Give a case back to the pool: IN_PRIMARY → READY without a primary; IN_SECONDARY loses its secondary (409 otherwise)",
    params: caseIdParams,
    body: releaseBody,
    response: { status: 200 },
  }),
  bulkReassign: operation({
    method: "POST",
    path: "/api/supervision/bulk-reassign",
    permission: "cases.reassign",
    summary: "Reassign many cases to one operator with a reason; the outcome of each case is in results[]",
    body: bulkReassignBody,
    response: { status: 200 },
  }),
  qualityFigures: operation({
    method: "GET",
    path: "/api/supervision/quality",
    permission: "cases.viewAll",
    summary:
      "Decision-quality figures over the last `days` or a calendar `month` (UTC): per operator accuracy, false- and missed-duplicate rates on known answers (live and training), sample-review error rate, Cohen's kappa per pair and overall, conflict and overturned rates, decision-time p50/p90; each rate with its 95% Wilson interval and count (docs/quality.md)",
    query: qualityFiguresQuery,
    response: { status: 200 },
  }),
  qualityFiguresCsv: operation({
    method: "GET",
    path: "/api/supervision/quality.csv",
    permission: "cases.viewAll",
    summary: "The same figures as CSV, one figure per row: section, figure, operator, operator_b, value, successes, n, ci95_low, ci95_high",
    query: qualityFiguresQuery,
    response: { status: 200, description: "CSV", mediaTypes: ["text/csv"], schema: { type: "string" } },
  }),
  getQualitySettings: operation({
    method: "GET",
    path: "/api/supervision/quality/settings",
    permission: "cases.viewAll",
    summary: "Known-answer share of intake and sample-review share of agreed decisions, in percent",
    response: { status: 200 },
  }),
  updateQualitySettings: operation({
    method: "PUT",
    path: "/api/supervision/quality/settings",
    permission: "quality.manage",
    summary: "Set the known-answer share (0–20 %, 0 = off) and the sample-review share (0–100 %); the change is audited",
    body: qualitySettingsSchema,
    response: { status: 200 },
  }),
  sampleQueue: operation({
    method: "GET",
    path: "/api/supervision/quality/samples",
    permission: "quality.manage",
    summary: "The sample review queue: decided cases drawn at random and every decided case with a quality flag, not yet reviewed",
    response: { status: 200 },
  }),
  reviewSample: operation({
    method: "POST",
    path: "/api/supervision/quality/samples/{id}",
    permission: "quality.manage",
    summary:
      "Review a sampled case: CONFIRMED, or ERROR with the levels whose decision was wrong; once per case, not by one of its reviewers, audited",
    params: caseIdParams,
    body: sampleReviewBody,
    response: { status: 200 },
  }),
  assignTraining: operation({
    method: "POST",
    path: "/api/supervision/quality/training",
    permission: "quality.manage",
    summary:
      "Make `count` (1–10) training cases for an officer: synthetic known-answer cases assigned to them for primary review; after each decision the decision API returns the truth",
    body: trainingBody,
    response: { status: 201 },
  }),
  exportProfiles: operation({
    method: "GET",
    path: "/api/supervision/profiles.ndjson",
    permission: "analytics.export",
    summary:
      "Anonymous adjudication profiles as NDJSON (one document per line, or an Elasticsearch _bulk body with format=bulk); field mapping in docs/analytics.md",
    query: exportProfilesQuery,
    response: { status: 200, description: "NDJSON stream", mediaTypes: ["application/x-ndjson"], schema: { type: "string" } },
  }),
};
