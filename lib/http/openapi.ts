import { z } from "zod";
import { userView } from "@/lib/users/user-schemas";
import type { Operation } from "./operation";
import { allOperations } from "./operations";

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const errorSchema = {
  type: "object",
  properties: {
    error: { type: "string" },
    field: { type: "string" },
    code: {
      type: "string",
      enum: ["password_change_required"],
      description: "password_change_required (403): an admin set the password; POST /api/account/password first",
    },
    fields: { type: "array", items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } } },
  },
  required: ["error"],
};
const errorContent = { "application/json": { schema: errorSchema } };

function properties(s: z.ZodType): [string, unknown][] {
  return Object.entries((schema(s) as { properties?: Record<string, unknown> }).properties ?? {});
}

function describeOperation(op: Operation) {
  const { response } = op;
  const content = response.schema
    ? Object.fromEntries((response.mediaTypes ?? ["application/json"]).map((t) => [t, { schema: response.schema }]))
    : undefined;
  const responses: Record<string, unknown> = { [response.status]: { description: response.description ?? "success", content } };
  // Next-auth answers its own errors; the others go through api-route.ts, whose answers these are.
  if (!op.handledBy) {
    if (op.body || op.query) responses["400"] = { description: "invalid input; the message names the field", content: errorContent };
    if (op.permission !== "public") {
      responses["401"] = { description: "not signed in", content: errorContent };
      if (op.permission !== "signedIn") responses["403"] = { description: `needs permission ${op.permission}`, content: errorContent };
    }
    if (op.method !== "GET") {
      const why = "sent from another site (Origin or Sec-Fetch-Site names another site)";
      const prior = responses["403"] as { description: string } | undefined;
      responses["403"] = { description: prior ? `${prior.description}; or ${why}` : why, content: errorContent };
      responses["415"] = { description: "not sent as Content-Type: application/json", content: errorContent };
    }
  }
  const parameters = [
    ...(op.params ? properties(op.params).map(([name, s]) => ({ name, in: "path", required: true, schema: s })) : []),
    ...(op.query ? properties(op.query).map(([name, s]) => ({ name, in: "query", required: false, schema: s })) : []),
  ];
  const bodyType = op.bodyType === "form" ? "application/x-www-form-urlencoded" : "application/json";
  return {
    summary: op.summary,
    "x-permission": op.permission,
    "x-handled-by": op.handledBy,
    security: op.permission === "public" ? [] : [{ sessionCookie: [] }],
    parameters: parameters.length ? parameters : undefined,
    requestBody: op.body ? { required: true, content: { [bodyType]: { schema: schema(op.body) } } } : undefined,
    responses,
  };
}

/** The OpenAPI 3.1 description of the API, generated from the operation registry the routes are built from. */
export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of allOperations) {
    paths[op.path] ??= {};
    paths[op.path][op.method.toLowerCase()] = describeOperation(op);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "MOSIP Manual Adjudication System API",
      version,
      description:
        "JSON API of the MAS. Authenticate with the same session cookie the browser uses: GET /api/auth/csrf, then POST /api/auth/callback/credentials (form fields csrfToken, username, password), then send the cookies back. After an admin created the account or reset its password, every other call answers 403 with code password_change_required until POST /api/account/password.",
    },
    components: {
      securitySchemes: { sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } },
      schemas: { User: schema(userView), Error: errorSchema },
    },
    paths,
  };
}
