import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type Access = Permission | "public" | "signedIn";

/** What the success answer holds, for the OpenAPI document. Without mediaTypes it is JSON. */
export interface SuccessResponse {
  status: number;
  description?: string;
  mediaTypes?: string[];
  schema?: unknown;
}

/**
 * One HTTP operation of the API, declared once: the route file builds its handler from it
 * (lib/http/api-route.ts) and the OpenAPI document is generated from it (lib/http/openapi.ts).
 */
export interface Operation<
  B extends z.ZodType | undefined = z.ZodType | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  A extends Access = Access,
> {
  method: HttpMethod;
  /** OpenAPI style: /api/cases/{id}. */
  path: string;
  /** The permission the caller must hold. "public" routes take no session at all. */
  permission: A;
  summary: string;
  body?: B;
  /** How the body is sent; JSON unless said otherwise (next-auth's sign-in takes a form). */
  bodyType?: "json" | "form";
  params?: P;
  query?: Q;
  response: SuccessResponse;
  /** Open to a user whose password an admin set and who has not changed it yet (everything else answers 403). */
  duringPasswordChange?: true;
  /**
   * Served without the gate of api-route.ts: "next-auth" by next-auth's catch-all route,
   * "static" by a route built once at build time (no session, no database), "plain" by a route that must answer
   * without booting or touching the database (the liveness probe).
   */
  handledBy?: "next-auth" | "static" | "plain";
}

/** Declares an operation, keeping the exact types of its schemas for the route handler. */
export function operation<
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  const A extends Access = Access,
>(op: Operation<B, P, Q, A>): Operation<B, P, Q, A> {
  return op;
}
