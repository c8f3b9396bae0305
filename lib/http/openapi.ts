import { z } from "zod";
import { createUserBody, resetPasswordBody, updateUserBody, userView } from "@/lib/users/user-schemas";
import { setRolePermissionsBody } from "@/lib/auth/role-permissions";
import { auditQuery } from "@/lib/audit/list-audit";
import { listCasesQuery } from "@/lib/cases/list-cases";
import type { Permission } from "@/lib/auth/permissions";

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const errorSchema = { type: "object", properties: { error: { type: "string" }, fields: { type: "array", items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } } } }, required: ["error"] };

interface Op {
  summary: string;
  permission: Permission | "public" | "signedIn";
  body?: z.ZodType;
  query?: z.ZodType;
  response: { status: number; schema?: unknown };
}

function operation(op: Op) {
  const responses: Record<string, unknown> = {
    [op.response.status]: { description: "success", content: op.response.schema ? { "application/json": { schema: op.response.schema } } : undefined },
  };
  if (op.body || op.query) responses["400"] = { description: "invalid input; the message names the field", content: { "application/json": { schema: errorSchema } } };
  if (op.permission !== "public") {
    responses["401"] = { description: "not signed in", content: { "application/json": { schema: errorSchema } } };
    if (op.permission !== "signedIn") responses["403"] = { description: `needs permission ${op.permission}`, content: { "application/json": { schema: errorSchema } } };
  }
  const queryParams = op.query
    ? Object.entries((schema(op.query) as { properties?: Record<string, unknown> }).properties ?? {}).map(([name, s]) => ({ name, in: "query", required: false, schema: s }))
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
    components: { securitySchemes: { sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } }, schemas: { User: user, Error: errorSchema } },
    paths: {
      "/api/health": { get: operation({ summary: "Database reachability and version", permission: "public", response: { status: 200 } }) },
      "/api/auth/session": { get: operation({ summary: "The signed-in user's username and roles", permission: "public", response: { status: 200 } }) },
      "/api/admin/users": {
        get: operation({ summary: "List users", permission: "users.read", response: { status: 200, schema: { type: "object", properties: { users: { type: "array", items: { $ref: "#/components/schemas/User" } } } } } }),
        post: operation({ summary: "Create a user (409 if the username is taken)", permission: "users.manage", body: createUserBody, response: { status: 201, schema: { $ref: "#/components/schemas/User" } } }),
      },
      "/api/admin/users/{id}": {
        parameters: [idParam],
        get: operation({ summary: "One user", permission: "users.read", response: { status: 200, schema: { $ref: "#/components/schemas/User" } } }),
        patch: operation({ summary: "Change roles, primary/secondary eligibility, name; deactivate, reactivate or unlock", permission: "users.manage", body: updateUserBody, response: { status: 200, schema: { $ref: "#/components/schemas/User" } } }),
      },
      "/api/admin/users/{id}/password": {
        parameters: [idParam],
        post: operation({ summary: "Reset a user's password (also lifts a lockout)", permission: "users.manage", body: resetPasswordBody, response: { status: 200 } }),
      },
      "/api/admin/roles": { get: operation({ summary: "Every role with its permissions, and the list of permissions", permission: "roles.manage", response: { status: 200 } }) },
      "/api/admin/roles/{role}": {
        parameters: [roleParam],
        put: operation({ summary: "Replace the permissions a role holds", permission: "roles.manage", body: setRolePermissionsBody, response: { status: 200 } }),
      },
      "/api/admin/audit": { get: operation({ summary: "The audit log, newest first", permission: "audit.read", query: auditQuery, response: { status: 200 } }) },
      "/api/cases": { get: operation({ summary: "The caller's queue (scope=mine) or every case (scope=all, needs cases.viewAll)", permission: "queue.own", query: listCasesQuery, response: { status: 200 } }) },
    },
  };
}
