import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/session/current-user";
import type { SessionUser } from "@/lib/auth/load-user";
import type { Permission } from "@/lib/auth/permissions";
import { ready } from "@/lib/boot/boot-app";
import type { Database } from "@/lib/db/open-database";
import { DomainError, type DomainErrorCode } from "@/lib/errors/domain-error";
import { describeIssues } from "./zod-issues";
import { prismaErrorToDomain } from "./prisma-error";

type Ctx = { params: Promise<Record<string, string | string[]>> };

interface Spec<B extends z.ZodType | undefined, P extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  /** The permission the caller must hold. "public" routes take no session at all. */
  permission: Permission | "public" | "signedIn";
  body?: B;
  params?: P;
  query?: Q;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

interface Args<B, P, Q, U> {
  req: Request;
  db: Database;
  user: U;
  body: B;
  params: P;
  query: Q;
}

const MAX_BODY = 256 * 1024;

/** The one place where a domain error becomes an HTTP status. */
export const STATUS_OF: Record<DomainErrorCode, number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, unavailable: 503 };

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: { "Cache-Control": "no-store" } });
}

function problem(status: number, message: string, extra?: Record<string, unknown>): NextResponse {
  return json({ error: message, ...extra }, status);
}

/**
 * A JSON route handler with its authorisation declared next to it: the session is checked on the server
 * (401 without one, 403 without the permission), and body, params and query are validated by zod.
 */
export function apiRoute<
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(
  spec: Spec<B, P, Q>,
  handler: (
    a: Args<Infer<B>, Infer<P>, Infer<Q>, typeof spec.permission extends "public" ? SessionUser | null : SessionUser>,
  ) => Promise<Response>,
) {
  return async (req: Request, ctx: Ctx): Promise<Response> => {
    try {
      const db = await ready();
      let user: SessionUser | null = null;
      if (spec.permission !== "public") {
        user = await getCurrentUser();
        if (!user) return problem(401, "sign in first");
        if (spec.permission !== "signedIn" && !user.permissions.includes(spec.permission)) {
          return problem(403, `not allowed: needs permission ${spec.permission}`);
        }
      }
      let body: unknown;
      if (spec.body) {
        const text = await req.text();
        if (text.length > MAX_BODY) return problem(413, `request body is larger than ${MAX_BODY} bytes`);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return problem(400, "request body is not valid JSON");
        }
        const r = spec.body.safeParse(parsed);
        if (!r.success)
          return problem(400, `invalid request: ${describeIssues(r.error).message}`, { fields: describeIssues(r.error).fields });
        body = r.data;
      }
      let params: unknown;
      if (spec.params) {
        const r = spec.params.safeParse(await ctx.params);
        if (!r.success) return problem(404, "not found");
        params = r.data;
      }
      let query: unknown;
      if (spec.query) {
        const r = spec.query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
        if (!r.success)
          return problem(400, `invalid query: ${describeIssues(r.error).message}`, { fields: describeIssues(r.error).fields });
        query = r.data;
      }
      return await handler({ req, db, user: user as never, body: body as never, params: params as never, query: query as never });
    } catch (e) {
      const known = e instanceof DomainError ? e : prismaErrorToDomain(e);
      if (known) return problem(STATUS_OF[known.code], known.message, known.field ? { field: known.field } : undefined);
      // No request data in the log line: it may hold personal data.
      console.error(`[mas] ${req.method} ${new URL(req.url).pathname} failed:`, e instanceof Error ? e.stack : e);
      return problem(500, "internal error");
    }
  };
}
