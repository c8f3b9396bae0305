/**
 * What went wrong, in the domain's words. Domain code never picks an HTTP status: the API edge
 * (lib/http/api-route.ts) maps each code to one, and scripts or workers read the code directly.
 */
export type DomainErrorCode = "not_found" | "forbidden" | "conflict" | "invalid" | "unavailable" | "password_change_required";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    /** The input field the error is about, when there is one. */
    public readonly field?: string,
  ) {
    super(message);
  }
}
