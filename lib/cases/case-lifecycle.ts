import { CaseState } from "@/lib/db/generated/enums";

// The case lifecycle in one place: which states belong together, which review a case waits for, and what an
// assignment writes. Pure and free of the database client, so client components may import it too.
//
//   RECEIVED -> FETCHING -> READY -> IN_PRIMARY -> IN_SECONDARY -> DECIDED -> ANSWERED
//                  |                     |              |-> CONFLICT -> DECIDED
//                  |-> DATA_UNAVAILABLE  |-> DECIDED (no secondary review needed)
//   any open state -> SUPERSEDED (MOSIP sent a newer request for the same person)
//   FETCHING -> IN_PRIMARY | IN_SECONDARY | CONFLICT when the review of a superseded case with the same gallery
//               was carried over (resumedState)
//
// The transactional assignment (case row, user's lastAssignedAt, audit row) is assignReview in ./assign-review.ts.

export type { CaseState };
export type ReviewLevel = "PRIMARY" | "SECONDARY";

/** Every state, in the schema's order. */
export const ALL_STATES = Object.values(CaseState) as [CaseState, ...CaseState[]];

/** Not decided yet: the case may still be reviewed, answered or superseded by a newer request. */
export const OPEN_STATES = [
  "RECEIVED",
  "FETCHING",
  "DATA_UNAVAILABLE",
  "READY",
  "IN_PRIMARY",
  "IN_SECONDARY",
  "CONFLICT",
] as const satisfies readonly CaseState[];

/** Open and not stuck: every open state but DATA_UNAVAILABLE, which moves only when an administrator retries or answers it. */
export const MOVING_STATES = OPEN_STATES.filter((s) => s !== "DATA_UNAVAILABLE") as Exclude<
  (typeof OPEN_STATES)[number],
  "DATA_UNAVAILABLE"
>[];

/** The states about the subjects' data: settled from the downloads; later states are never touched by them. */
export const DATA_STATES = ["RECEIVED", "FETCHING", "DATA_UNAVAILABLE"] as const satisfies readonly CaseState[];

/** A final answer may be recorded (by a reviewer, a supervisor or an administrator): open, with the data settled. */
export const ANSWERABLE_STATES = OPEN_STATES.filter((s) => s !== "RECEIVED" && s !== "FETCHING") as Exclude<
  (typeof OPEN_STATES)[number],
  "RECEIVED" | "FETCHING"
>[];

/** In review by an operator: the case is held by its primary or its secondary assignee. */
export const REVIEW_STATES = ["IN_PRIMARY", "IN_SECONDARY"] as const satisfies readonly CaseState[];

/** A download may be retried: the data is unavailable or still being fetched. */
export const RETRYABLE_DATA_STATES = ["DATA_UNAVAILABLE", "FETCHING"] as const satisfies readonly CaseState[];

/**
 * A supervisor sees the reviewers' verdicts and comments only here: at CONFLICT, which they resolve, and once no
 * review is left (decided, answered, superseded). Before that a secondary may still have to review blind.
 */
export const VERDICTS_VISIBLE_STATES = ["CONFLICT", "DECIDED", "ANSWERED", "SUPERSEDED"] as const satisfies readonly CaseState[];

export function isOneOf<S extends string>(states: readonly S[], state: string): state is S {
  return (states as readonly string[]).includes(state);
}

/** The review a case in this state waits for: READY and IN_PRIMARY a primary, IN_SECONDARY a secondary, others none. */
export function levelAwaited(state: string): ReviewLevel | null {
  if (state === "READY" || state === "IN_PRIMARY") return "PRIMARY";
  if (state === "IN_SECONDARY") return "SECONDARY";
  return null;
}

export interface CaseAssignees {
  state: string;
  primaryAssigneeId: string | null;
  secondaryAssigneeId: string | null;
}

/** Whoever holds the review the case is in (an id or a name, as the caller has them): none outside review. */
export function reviewHolder<T>(state: string, primary: T | null, secondary: T | null): T | null {
  if (state === "IN_PRIMARY") return primary;
  if (state === "IN_SECONDARY") return secondary;
  return null;
}

/** The level at which the user holds the case now: its assignee at the review it is in, else null. */
export function assignedLevel(c: CaseAssignees, userId: string): ReviewLevel | null {
  if (reviewHolder(c.state, c.primaryAssigneeId, c.secondaryAssigneeId) !== userId) return null;
  return c.state === "IN_PRIMARY" ? "PRIMARY" : "SECONDARY";
}

/** Query filter: the cases the user holds now (the same rule as assignedLevel). */
export function heldBy(userId: string) {
  return {
    OR: [
      { state: "IN_PRIMARY" as const, primaryAssigneeId: userId },
      { state: "IN_SECONDARY" as const, secondaryAssigneeId: userId },
    ],
  };
}

/** Query filter: a case waiting for a reviewer at this level and held by nobody (READY, or IN_SECONDARY without a secondary). */
export function awaitingAssignee(level: ReviewLevel) {
  return level === "PRIMARY" ? { state: "READY" as const } : { state: "IN_SECONDARY" as const, secondaryAssigneeId: null };
}

/** The case columns an assignment writes: a primary assignment also moves the case into primary review. */
export function assignmentData(level: ReviewLevel, userId: string, now: Date) {
  return level === "PRIMARY"
    ? { state: "IN_PRIMARY" as const, primaryAssigneeId: userId, primaryAssignedAt: now }
    : { secondaryAssigneeId: userId, secondaryAssignedAt: now };
}

/**
 * Where a case goes once its data is complete: READY, or, when the review of the request it superseded was
 * carried over (lib/intake/carry-review-progress.ts), back to the review it had reached: both reviews decided
 * (and disagreeing, or it would not be open) is CONFLICT, a primary decision awaits the secondary, a primary
 * assignee holds the primary review.
 */
export function resumedState(c: {
  primaryAssigneeId: string | null;
  decisionLevels: readonly string[];
}): "READY" | "IN_PRIMARY" | "IN_SECONDARY" | "CONFLICT" {
  if (c.decisionLevels.includes("PRIMARY") && c.decisionLevels.includes("SECONDARY")) return "CONFLICT";
  if (c.decisionLevels.includes("PRIMARY")) return "IN_SECONDARY";
  if (c.primaryAssigneeId) return "IN_PRIMARY";
  return "READY";
}
