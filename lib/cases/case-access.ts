import "server-only";
import type { SessionUser } from "@/lib/auth/load-user";
import { assignedLevel, type CaseAssignees } from "./case-lifecycle";

export type CaseAccessRow = CaseAssignees;

export type CaseRole = "PRIMARY" | "SECONDARY" | "SUPERVISOR";

/**
 * Who may open a case: its current assignee at the level it is waiting for, or a supervisor (cases.viewAll).
 * A primary who has decided loses access (the secondary reviews blind), and a reassigned operator loses it at once.
 */
export function caseRole(user: SessionUser, c: CaseAccessRow): CaseRole | null {
  if (user.permissions.includes("cases.review")) {
    const level = assignedLevel(c, user.id);
    if (level) return level;
  }
  if (user.permissions.includes("cases.viewAll")) return "SUPERVISOR";
  return null;
}
