/**
 * Which message of the "errors" namespace tells the officer what an API error means, from what the API answers
 * (lib/http/api-route.ts: the status of the DomainError code, `code` where a client acts on it, `field`/`fields`).
 * The server's English sentence is shown only when nothing here knows the answer.
 */
export type ErrorMessageKey =
  | "network"
  | "unauthenticated"
  | "passwordChangeRequired"
  | "forbidden"
  | "notFound"
  | "conflict"
  | "invalid"
  | "invalidField"
  | "tooLarge"
  | "notJson"
  | "unavailable"
  | "internal";

const BY_STATUS: Record<number, ErrorMessageKey> = {
  401: "unauthenticated",
  403: "forbidden",
  404: "notFound",
  409: "conflict",
  413: "tooLarge",
  415: "notJson",
  500: "internal",
  502: "unavailable",
  503: "unavailable",
  504: "unavailable",
};

export function errorMessageKey(e: { status?: number; code?: string; field?: string } | null | undefined): ErrorMessageKey | null {
  if (!e || e.status === undefined) return null;
  if (e.code === "password_change_required") return "passwordChangeRequired";
  if (e.status === 400) return e.field ? "invalidField" : "invalid";
  return BY_STATUS[e.status] ?? null;
}
