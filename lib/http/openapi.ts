import { z } from "zod";
import { createUserBody, resetPasswordBody, updateUserBody, userView } from "@/lib/users/user-schemas";
import { setRolePermissionsBody } from "@/lib/auth/role-permissions";
import { auditQuery } from "@/lib/audit/list-audit";
import { listCasesQuery } from "@/lib/cases/list-cases";
import { decisionBody } from "@/lib/cases/decision-input";
import { reassignBody } from "@/lib/cases/reassign-case";
import type { Permission } from "@/lib/auth/permissions";
import { releaseBody } from "@/lib/cases/release-case";
import { bulkReassignBody } from "@/lib/cases/bulk-reassign";
import { exportProfilesQuery } from "@/lib/analytics/export-profiles";
import { adjudicationSettingsSchema } from "@/lib/settings/adjudication-settings";
import { outboxQuery, pageQuery, resolveBody, retryBody } from "@/lib/integration/list-integration";
import { answerResendBody } from "@/lib/cases/answer-resend";
import { retryDownloadsBody } from "@/lib/cases/retry-case-downloads";

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const errorSchema = {
  type: "object",
  properties: {
    error: { type: "string" },
    fields: { type: "array", items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } } },
  },
  required: ["error"],
};

interface Op {
  summary: string;
  permission: Permission | "public" | "signedIn";
  body?: z.ZodType;
  query?: z.ZodType;
  response: { status: number; schema?: unknown };
}

function operation(op: Op) {
  const responses: Record<string, unknown> = {
    [op.response.status]: {
      description: "success",
      content: op.response.schema ? { "application/json": { schema: op.response.schema } } : undefined,
    },
  };
  if (op.body || op.query)
    responses["400"] = {
      description: "invalid input; the message names the field",
      content: { "application/json": { schema: errorSchema } },
    };
  if (op.permission !== "public") {
    responses["401"] = { description: "not signed in", content: { "application/json": { schema: errorSchema } } };
    if (op.permission !== "signedIn")
      responses["403"] = { description: `needs permission ${op.permission}`, content: { "application/json": { schema: errorSchema } } };
  }
  const queryParams = op.query
    ? Object.entries((schema(op.query) as { properties?: Record<string, unknown> }).properties ?? {}).map(([name, s]) => ({
        name,
        in: "query",
        required: false,
        schema: s,
      }))
    : [];
  return {
    summary: op.summary,
    "x-permission": op.permission,
    security: op.permission === "public" ? [] : [{ sessionCookie: [] }],
    parameters: queryParams.length ? queryParams : undefined,
    requestBody: op.body ? { required: true, content: { "application/json": { schema: schema(op.body) } } } : undefined,
    responses,
  };
}

const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const roleParam = { name: "role", in: "path", required: true, schema: { type: "string", enum: ["OPERATOR", "SUPERVISOR", "ADMIN"] } };

/** The OpenAPI 3.1 description of the JSON API, built from the same zod schemas the routes validate with. */
export function openApiDocument(version: string) {
  const user = schema(userView);
  return {
    openapi: "3.1.0",
    info: {
      title: "MOSIP Manual Adjudication System API",
      version,
      description:
        "JSON API of the MAS. Authenticate with the same session cookie the browser uses: GET /api/auth/csrf, then POST /api/auth/callback/credentials (form fields csrfToken, username, password), then send the cookies back.",
    },
    components: {
      securitySchemes: { sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } },
      schemas: { User: user, Error: errorSchema },
    },
    paths: {
      "/api/health": {
        get: operation({
          summary: "Database reachability, version, MOSIP broker connection and outbox backlog",
          permission: "public",
          response: { status: 200 },
        }),
      },
      "/api/auth/session": {
        get: operation({ summary: "The signed-in user's username and roles", permission: "public", response: { status: 200 } }),
      },
      "/api/admin/users": {
        get: operation({
          summary: "List users",
          permission: "users.read",
          response: {
            status: 200,
            schema: { type: "object", properties: { users: { type: "array", items: { $ref: "#/components/schemas/User" } } } },
          },
        }),
        post: operation({
          summary: "Create a user (409 if the username is taken)",
          permission: "users.manage",
          body: createUserBody,
          response: { status: 201, schema: { $ref: "#/components/schemas/User" } },
        }),
      },
      "/api/admin/users/{id}": {
        parameters: [idParam],
        get: operation({
          summary: "One user",
          permission: "users.read",
          response: { status: 200, schema: { $ref: "#/components/schemas/User" } },
        }),
        patch: operation({
          summary:
            "Change roles, primary/secondary eligibility, name, case cap (caseCap, null = the default); deactivate, reactivate or unlock",
          permission: "users.manage",
          body: updateUserBody,
          response: { status: 200, schema: { $ref: "#/components/schemas/User" } },
        }),
      },
      "/api/admin/users/{id}/password": {
        parameters: [idParam],
        post: operation({
          summary: "Reset a user's password (also lifts a lockout)",
          permission: "users.manage",
          body: resetPasswordBody,
          response: { status: 200 },
        }),
      },
      "/api/admin/roles": {
        get: operation({
          summary: "Every role with its permissions, and the list of permissions",
          permission: "roles.manage",
          response: { status: 200 },
        }),
      },
      "/api/admin/roles/{role}": {
        parameters: [roleParam],
        put: operation({
          summary: "Replace the permissions a role holds",
          permission: "roles.manage",
          body: setRolePermissionsBody,
          response: { status: 200 },
        }),
      },
      "/api/admin/audit": {
        get: operation({ summary: "The audit log, newest first", permission: "audit.read", query: auditQuery, response: { status: 200 } }),
      },
      "/api/admin/integration/status": {
        get: operation({
          summary: "Broker connection (consumer and sender), outbox counts, inbox outcomes of the last 24 h, cases with data unavailable",
          permission: "integration.view",
          response: { status: 200 },
        }),
      },
      "/api/admin/integration/inbox": {
        get: operation({
          summary: "Messages received from MOSIP, newest first (no bodies)",
          permission: "integration.view",
          query: pageQuery,
          response: { status: 200 },
        }),
      },
      "/api/admin/integration/intake-errors": {
        get: operation({
          summary: "Messages that could not be understood, with the error code, the reason and the raw body (datashare URLs masked)",
          permission: "integration.view",
          query: pageQuery,
          response: { status: 200 },
        }),
      },
      "/api/admin/integration/datashare-failures": {
        get: operation({
          summary: "Cases whose datashares could not be fetched (DATA_UNAVAILABLE), with the error codes",
          permission: "integration.view",
          response: { status: 200 },
        }),
      },
      "/api/admin/integration/cases/{id}/retry-downloads": {
        parameters: [idParam],
        post: operation({
          summary: "Fetch a DATA_UNAVAILABLE case's failed datashares again (409 in any other state)",
          permission: "integration.operate",
          body: retryDownloadsBody,
          response: { status: 200 },
        }),
      },
      "/api/admin/integration/cases/{id}/answer-resend": {
        parameters: [idParam],
        post: operation({
          summary: "Answer MOSIP with returnValue 2 (resend) for a DATA_UNAVAILABLE case; MOSIP then sends a new request",
          permission: "integration.operate",
          body: answerResendBody,
          response: { status: 200 },
        }),
      },
      "/api/admin/integration/outbox": {
        get: operation({
          summary: "Responses to MOSIP, newest first, with counts per state",
          permission: "integration.view",
          query: outboxQuery,
          response: { status: 200 },
        }),
      },
      "/api/admin/integration/outbox/{id}/retry": {
        parameters: [idParam],
        post: operation({
          summary: "Queue a FAILED response again (409 in any other state)",
          permission: "integration.operate",
          body: retryBody,
          response: { status: 200 },
        }),
      },
      "/api/admin/integration/outbox/{id}/resolve": {
        parameters: [idParam],
        post: operation({
          summary:
            "Settle an UNCERTAIN response: markSent (MOSIP has it) or sendNow (MOSIP does not; a wrong sendNow can fail MOSIP's packet)",
          permission: "integration.operate",
          body: resolveBody,
          response: { status: 200 },
        }),
      },
      "/api/cases": {
        get: operation({
          summary:
            "The caller's queue (scope=mine) or every case (scope=all, needs cases.viewAll), filtered by state, kind, operator, age or exact RID (a RID search is audited)",
          permission: "signedIn",
          query: listCasesQuery,
          response: { status: 200 },
        }),
      },
      "/api/cases/next": {
        post: operation({
          summary:
            "Next case: the most urgent case waiting for the caller, else claim one they may take within their cap ({caseId: null} when none)",
          permission: "cases.review",
          response: { status: 200 },
        }),
      },
      "/api/cases/{id}": {
        parameters: [idParam],
        get: operation({
          summary:
            "The comparison view of a case (demographics, biometric grid, documents), decrypted in memory; only for its current assignee or a supervisor (403 otherwise); audited",
          permission: "signedIn",
          response: { status: 200 },
        }),
      },
      "/api/cases/{id}/decision": {
        parameters: [idParam],
        post: operation({
          summary:
            "Record the caller's decision at the level the case waits for (primary, secondary, or a supervisor's resolution of a conflict): verdicts per candidate, cannotAdjudicate (MOSIP resend), or approve true/false for a verification case",
          permission: "signedIn",
          body: decisionBody,
          response: {
            status: 200,
            schema: { type: "object", properties: { outcome: { type: "string", enum: ["AWAITING_SECONDARY", "DECIDED", "CONFLICT"] } } },
          },
        }),
      },
      "/api/cases/{id}/reassign": {
        parameters: [idParam],
        post: operation({
          summary:
            "Give the review a case waits for to another eligible operator, with a reason; the previous assignee loses access at once",
          permission: "cases.reassign",
          body: reassignBody,
          response: { status: 200 },
        }),
      },
      "/api/cases/{id}/subjects/{subject}/images/{bir}": {
        get: operation({
          summary: "One biometric as an image (variant=thumb|full|png), Cache-Control: no-store; same access rule as the case",
          permission: "signedIn",
          response: { status: 200 },
        }),
      },
      "/api/supervision/dashboard": {
        get: operation({
          summary:
            "Supervisor dashboard: cases by state, oldest open case, cases near MOSIP's deadline, conflicts, throughput, median time to decision, agreement rate, workload per operator",
          permission: "cases.viewAll",
          response: { status: 200 },
        }),
      },
      "/api/supervision/operators": {
        get: operation({
          summary: "Reviewers with their open cases, cap and decisions (24 h / 7 days) per level",
          permission: "cases.viewAll",
          response: { status: 200 },
        }),
      },
      "/api/supervision/cases/{id}/release": {
        parameters: [idParam],
        post: operation({
          summary: "Give a case back to the pool: IN_PRIMARY → READY without a primary; IN_SECONDARY loses its secondary (409 otherwise)",
          permission: "cases.reassign",
          body: releaseBody,
          response: { status: 200 },
        }),
      },
      "/api/supervision/bulk-reassign": {
        post: operation({
          summary: "Reassign many cases to one operator with a reason; the outcome of each case is in results[]",
          permission: "cases.reassign",
          body: bulkReassignBody,
          response: { status: 200 },
        }),
      },
      "/api/supervision/profiles.ndjson": {
        get: {
          ...operation({
            summary:
              "Anonymous adjudication profiles as NDJSON (one document per line, or an Elasticsearch _bulk body with format=bulk); field mapping in docs/analytics.md",
            permission: "analytics.export",
            query: exportProfilesQuery,
            response: { status: 200 },
          }),
          responses: {
            200: { description: "NDJSON stream", content: { "application/x-ndjson": { schema: { type: "string" } } } },
            400: { description: "invalid query" },
            401: { description: "not signed in" },
            403: { description: "needs permission analytics.export" },
          },
        },
      },
      "/api/admin/settings": {
        get: operation({
          summary:
            "Adjudication settings (secondary review, default cap, deadline warning, verification reject value), their defaults and each reviewer's own cap",
          permission: "settings.manage",
          response: { status: 200 },
        }),
        put: operation({
          summary:
            "Replace the adjudication settings; the change (old → new values) is audited. Per-operator caps: PATCH /api/admin/users/{id} with caseCap",
          permission: "settings.manage",
          body: adjudicationSettingsSchema,
          response: { status: 200 },
        }),
      },
    },
  };
}
