/**
 * What went wrong, in the domain's words. Domain code never picks an HTTP status: the API edge
 * (lib/http/api-route.ts) maps each code to one, and scripts or workers read the code directly.
 */
export type DomainErrorCode =
  | "not_found"
  | "forbidden"
  | "conflict"
  | "invalid"
  | "unavailable"
  | "password_change_required"
  /** A decision came sooner than the case's minimum dwell time and the officer did not confirm it. */
  | "haste_confirmation_required"
  /** "Next case" while the operator is at a work limit (continuous work, per hour, per day). */
  | "work_limit_reached";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    /** The input field the error is about, when there is one. */
    public readonly field?: string,
    /** Numbers and names a client acts on (never personal data); sent in the answer's body with the code. */
    public readonly details?: Record<string, string | number | null>,
  ) {
    super(message);
  }
}
