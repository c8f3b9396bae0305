import "server-only";
import type { SessionUser } from "@/lib/auth/load-user";

export interface CaseAccessRow {
  state: string;
  primaryAssigneeId: string | null;
  secondaryAssigneeId: string | null;
}

export type CaseRole = "PRIMARY" | "SECONDARY" | "SUPERVISOR";

/**
 * Who may open a case: its current assignee at the level it is waiting for, or a supervisor (cases.viewAll).
 * A primary who has decided loses access (the secondary reviews blind), and a reassigned operator loses it at once.
 */
export function caseRole(user: SessionUser, c: CaseAccessRow): CaseRole | null {
  if (user.permissions.includes("cases.review")) {
    if (c.state === "IN_PRIMARY" && c.primaryAssigneeId === user.id) return "PRIMARY";
    if (c.state === "IN_SECONDARY" && c.secondaryAssigneeId === user.id) return "SECONDARY";
  }
  if (user.permissions.includes("cases.viewAll")) return "SUPERVISOR";
  return null;
}
