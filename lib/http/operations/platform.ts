import { z } from "zod";
import { operation } from "../operation";

const signInForm = z.object({ csrfToken: z.string(), username: z.string(), password: z.string() });

/** Health, this API's own description, and the session endpoints next-auth serves. */
export const platformOperations = {
  health: operation({
    method: "GET",
    path: "/api/health",
    permission: "public",
    summary:
      "Overall status (503 when the database is unreachable). Anonymous callers get generic fields only; a session with integration.view also gets version, broker endpoint and errors, and the outbox backlog",
    response: { status: 200 },
  }),
  healthLive: operation({
    method: "GET",
    path: "/api/health/live",
    permission: "public",
    summary: "Liveness: the process answers (no database access, no session)",
    response: { status: 200 },
    handledBy: "plain",
  }),
  healthReady: operation({
    method: "GET",
    path: "/api/health/ready",
    permission: "public",
    summary:
      "Readiness (200, or 503 when not ready): database reachable, every shipped migration applied, and the MOSIP broker connected when this process has the intake role; generic check results only",
    response: { status: 200 },
  }),
  metrics: operation({
    method: "GET",
    path: "/api/metrics",
    permission: "public",
    summary:
      "Prometheus metrics (text exposition format). Needs Authorization: Bearer <MAS_METRICS_TOKEN>; without a token configured it is open only in development or with MAS_METRICS_OPEN=true, and answers 404 otherwise",
    response: { status: 200, mediaTypes: ["text/plain; version=0.0.4"], description: "the metrics" },
  }),
  openApiDocument: operation({
    method: "GET",
    path: "/api/openapi.json",
    permission: "public",
    summary: "This OpenAPI document, generated from the operation registry (lib/http/operations)",
    response: { status: 200 },
    handledBy: "static",
  }),
  // next-auth's catch-all (app/api/auth/[...nextauth]) serves these; listed so the document shows how to sign in.
  authSession: operation({
    method: "GET",
    path: "/api/auth/session",
    permission: "public",
    summary: "The signed-in user's username and roles",
    response: { status: 200 },
    handledBy: "next-auth",
  }),
  authCsrf: operation({
    method: "GET",
    path: "/api/auth/csrf",
    permission: "public",
    summary: "A CSRF token for the sign-in form ({csrfToken}); sets the CSRF cookie",
    response: { status: 200 },
    handledBy: "next-auth",
  }),
  authSignIn: operation({
    method: "POST",
    path: "/api/auth/callback/credentials",
    permission: "public",
    summary: "Sign in with username and password (form fields csrfToken, username, password); sets the session cookie",
    body: signInForm,
    bodyType: "form",
    response: { status: 302, description: "redirect; on success the session cookie is set" },
    handledBy: "next-auth",
  }),
};
