import { releaseBody } from "@/lib/cases/release-case";
import { bulkReassignBody } from "@/lib/cases/bulk-reassign";
import { caseIdParams } from "@/lib/cases/case-params";
import { exportProfilesQuery } from "@/lib/analytics/export-profiles";
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
