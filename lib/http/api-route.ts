import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/session/current-user";
import type { SessionUser } from "@/lib/auth/load-user";
import { ready } from "@/lib/boot/boot-app";
import type { Database } from "@/lib/db/open-database";
import { DomainError, type DomainErrorCode } from "@/lib/errors/domain-error";
import type { Access, Operation } from "./operation";
import { describeIssues } from "./zod-issues";
import { prismaErrorToDomain } from "./prisma-error";
import { isJsonContentType, refuseCrossSite } from "./refuse-cross-site";
import { logFor, type Logger } from "@/lib/log/logger";
import { requestIdFrom } from "@/lib/log/request-id";
import { operationId } from "./operation-id";
import { getEnv } from "@/lib/env/get-env";
import { metrics } from "@/lib/metrics/metrics";

type Ctx = { params: Promise<Record<string, string | string[]>> };

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

interface Args<B, P, Q, U> {
  req: Request;
  db: Database;
  user: U;
  body: B;
  params: P;
  query: Q;
  /** This request's logger: every line carries its request id. */
  log: Logger;
}

/** What the gate needs from the rest of the app; a test hands in its own. */
export interface ApiRouteDeps {
  ready: () => Promise<Database>;
  getCurrentUser: () => Promise<SessionUser | null>;
  /** Where the gate's log lines go; the app's logger unless a test collects them. */
  logger?: Logger;
  /** False in a process without the web role (MAS_PROCESS_ROLES): only probes and metrics are served. */
  servesWeb?: () => boolean;
}

export const MAX_BODY = 256 * 1024;

const QUIET_ROUTES = new Set(["health", "healthReady", "metrics"]);
/** What a worker process (no web role) still answers: its probes and its metrics. */
const WITHOUT_WEB = QUIET_ROUTES;

/** The one place where a domain error becomes an HTTP status. */
export const STATUS_OF: Record<DomainErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  password_change_required: 403,
  haste_confirmation_required: 409,
  work_limit_reached: 409,
};

// Codes a client acts on rather than shows, so they are in the answer's body as `code` (the others share a status).
const CODES_IN_BODY: ReadonlySet<DomainErrorCode> = new Set([
  "password_change_required",
  "haste_confirmation_required",
  "work_limit_reached",
]);

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: { "Cache-Control": "no-store" } });
}

function problem(status: number, message: string, extra?: Record<string, unknown>): NextResponse {
  return json({ error: message, ...extra }, status);
}

/** Builds apiRoute on the given session and database; production uses the bound `apiRoute` below. */
export function createApiRoute(deps: ApiRouteDeps) {
  /**
   * A route handler for one operation of the registry (lib/http/operations): the session is checked on the
   * server (401 without one, 403 without the permission), and body, params and query are validated by zod.
   * The handler answers with any Response: JSON through json(), or a stream, an image or a file.
   */
  return function apiRoute<
    B extends z.ZodType | undefined,
    P extends z.ZodType | undefined,
    Q extends z.ZodType | undefined,
    A extends Access,
  >(
    op: Operation<B, P, Q, A>,
    handler: (a: Args<Infer<B>, Infer<P>, Infer<Q>, A extends "public" ? SessionUser | null : SessionUser>) => Promise<Response>,
  ) {
    if (op.handledBy) throw new Error(`${op.method} ${op.path} is served by ${op.handledBy}, not by apiRoute`);
    const route = operationId(op);
    const gated = gate(op, handler);
    return async (req: Request, ctx: Ctx): Promise<Response> => {
      const started = performance.now();
      const requestId = requestIdFrom(req.headers.get("x-request-id"));
      // The route is the registry's name, never the path: a path holds case ids.
      const log = (deps.logger ?? logFor("http")).child({ requestId, route });
      const res = withRequestId(await gated(req, ctx, log), requestId);
      const ms = Math.round(performance.now() - started);
      metrics().httpSeconds.observe({ route, method: req.method, status: `${Math.floor(res.status / 100)}xx` }, ms / 1000);
      // Probes and scrapes come every few seconds: their successes are logged only at debug level.
      const level = res.status >= 500 ? "error" : res.status < 400 && QUIET_ROUTES.has(route) ? "debug" : "info";
      log[level]({ method: req.method, status: res.status, ms }, "request");
      return res;
    };
  };

  function gate<B extends z.ZodType | undefined, P extends z.ZodType | undefined, Q extends z.ZodType | undefined, A extends Access>(
    op: Operation<B, P, Q, A>,
    handler: (a: Args<Infer<B>, Infer<P>, Infer<Q>, A extends "public" ? SessionUser | null : SessionUser>) => Promise<Response>,
  ) {
    return async (req: Request, ctx: Ctx, log: Logger): Promise<Response> => {
      // Before anything else: a cross-site form or script must not even reach the session check.
      if (deps.servesWeb && !deps.servesWeb() && !WITHOUT_WEB.has(operationId(op)))
        return problem(404, "not served here: this process does not have the web role");
      const crossSite = refuseCrossSite(req.method, req.headers, req.url);
      if (crossSite) return problem(403, crossSite);
      // Only JSON changes state: a plain HTML form cannot send it, and a script on another site cannot without
      // a CORS preflight, which this API never grants.
      if (req.method !== "GET" && req.method !== "HEAD" && !isJsonContentType(req.headers.get("content-type")))
        return problem(415, "send the request as Content-Type: application/json");
      try {
        const db = await deps.ready();
        let user: SessionUser | null = null;
        if (op.permission !== "public") {
          user = await deps.getCurrentUser();
          if (!user) return problem(401, "sign in first");
          // An admin knows this password: nothing but the change itself until the user has chosen their own.
          if (user.mustChangePassword && !op.duringPasswordChange)
            throw new DomainError("password_change_required", "change your password first: POST /api/account/password", "newPassword");
          if (op.permission !== "signedIn" && !user.permissions.includes(op.permission)) {
            return problem(403, `not allowed: needs permission ${op.permission}`);
          }
        }
        let body: unknown;
        if (op.body) {
          const text = await req.text();
          if (text.length > MAX_BODY) return problem(413, `request body is larger than ${MAX_BODY} bytes`);
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            return problem(400, "request body is not valid JSON");
          }
          const r = op.body.safeParse(parsed);
          if (!r.success)
            return problem(400, `invalid request: ${describeIssues(r.error).message}`, { fields: describeIssues(r.error).fields });
          body = r.data;
        }
        let params: unknown;
        if (op.params) {
          const r = op.params.safeParse(await ctx.params);
          if (!r.success) return problem(404, "not found");
          params = r.data;
        }
        let query: unknown;
        if (op.query) {
          const r = op.query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
          if (!r.success)
            return problem(400, `invalid query: ${describeIssues(r.error).message}`, { fields: describeIssues(r.error).fields });
          query = r.data;
        }
        return await handler({ req, db, user: user as never, body: body as never, params: params as never, query: query as never, log });
      } catch (e) {
        const known = e instanceof DomainError ? e : prismaErrorToDomain(e);
        if (known)
          return problem(STATUS_OF[known.code], known.message, {
            ...(known.field ? { field: known.field } : {}),
            ...(CODES_IN_BODY.has(known.code) ? { code: known.code, ...known.details } : {}),
          });
        // No request data in the log line (not even the path, which holds ids): the error's first line and stack only.
        log.error({ err: e }, "request failed");
        return problem(500, "internal error");
      }
    };
  }
}

/** The request id goes back to the caller, so a support ticket can name the log lines of its request. */
function withRequestId(res: Response, requestId: string): Response {
  try {
    res.headers.set("X-Request-Id", requestId);
    return res;
  } catch {
    // Response.redirect() and fetched responses have immutable headers.
    const copy = new Response(res.body, res);
    copy.headers.set("X-Request-Id", requestId);
    return copy;
  }
}

/** The gate every API route goes through (except next-auth's and the static OpenAPI document). */
export const apiRoute = createApiRoute({ ready, getCurrentUser, servesWeb: () => getEnv().roles.includes("web") });
