import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { caseRole, type CaseRole } from "./case-access";
import { refuseCaseAccess } from "./refuse-case-access";

// A comparison screen fetches ~52 images at once; one audit row per person, case and subject every few
// minutes records the view without burying the log.
const AUDIT_EVERY_MS = 5 * 60_000;
const lastAudit = new Map<string, number>();

const AUDIT_ACTION = {
  images: "case.viewImages",
  document: "case.viewDocument",
  // The overlay's minutiae of one finger pair: what the images already show, drawn out; audited like them.
  fingerComparison: "case.viewFingerComparison",
} as const;

/** The server-side check behind every image, document and finger comparison of a case, with its audit row. */
export async function authorizeCaseRead(
  prisma: PrismaClient,
  user: SessionUser,
  caseId: string,
  subject: string,
  what: "images" | "document" | "fingerComparison",
): Promise<CaseRole> {
  const c = await prisma.case.findUnique({
    where: { id: caseId },
    select: { id: true, state: true, primaryAssigneeId: true, secondaryAssigneeId: true, candidates: { select: { id: true } } },
  });
  if (!c) throw new DomainError("not_found", "not found");
  const role = caseRole(user, c);
  const now = Date.now();
  // Images are fetched by the dozen: like a granted view, a refusal is audited once per person, case and
  // subject every few minutes; documents one by one.
  const due = (key: string) => {
    if (what !== "document" && (lastAudit.get(key) ?? 0) >= now - AUDIT_EVERY_MS) return false;
    lastAudit.set(key, now);
    return true;
  };
  if (!role) {
    // The subject is echoed only when it is one of the case's ids, so the audit row holds nothing the caller made up.
    const known = subject === "applicant" || c.candidates.some((k) => k.id === subject) ? subject : undefined;
    if (due(`${user.id}|${caseId}|${known}|${what}|refused`)) throw await refuseCaseAccess(prisma, user, caseId, what, known);
    throw new DomainError("forbidden", "not allowed");
  }
  if (subject !== "applicant" && !c.candidates.some((k) => k.id === subject)) throw new DomainError("not_found", "not found");
  if (due(`${user.id}|${caseId}|${subject}|${what}`)) {
    await recordAudit(prisma, {
      actor: user,
      action: AUDIT_ACTION[what],
      targetType: "case",
      targetId: caseId,
      details: { role, subject },
    });
  }
  return role;
}
