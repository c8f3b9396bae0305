import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { caseRole, type CaseRole } from "./case-access";

// A comparison screen fetches ~52 images at once; one audit row per person, case and subject every few
// minutes records the view without burying the log.
const AUDIT_EVERY_MS = 5 * 60_000;
const lastAudit = new Map<string, number>();

/** The server-side check behind every image and document of a case, with its audit row. */
export async function authorizeCaseRead(
  prisma: PrismaClient,
  user: SessionUser,
  caseId: string,
  subject: string,
  what: "images" | "document",
): Promise<CaseRole> {
  const c = await prisma.case.findUnique({
    where: { id: caseId },
    select: { id: true, state: true, primaryAssigneeId: true, secondaryAssigneeId: true, candidates: { select: { id: true } } },
  });
  if (!c) throw new DomainError("not_found", "not found");
  const role = caseRole(user, c);
  if (!role) throw new DomainError("forbidden", "not allowed");
  if (subject !== "applicant" && !c.candidates.some((k) => k.id === subject)) throw new DomainError("not_found", "not found");
  const key = `${user.id}|${caseId}|${subject}|${what}`;
  const now = Date.now();
  if (what === "document" || (lastAudit.get(key) ?? 0) < now - AUDIT_EVERY_MS) {
    lastAudit.set(key, now);
    await recordAudit(prisma, {
      actor: user,
      action: what === "document" ? "case.viewDocument" : "case.viewImages",
      targetType: "case",
      targetId: caseId,
      details: { role, subject },
    });
  }
  return role;
}
