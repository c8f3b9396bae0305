import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { DomainError, type DomainErrorCode } from "@/lib/errors/domain-error";
import { levelAwaited, type ReviewLevel } from "./case-lifecycle";
import { reassignCase } from "./reassign-case";

export const bulkReassignBody = z.strictObject({
  caseIds: z
    .array(z.uuid())
    .min(1, "choose at least one case")
    .max(200, "at most 200 cases at once")
    .refine((ids) => new Set(ids).size === ids.length, "lists a case twice"),
  userId: z.uuid(),
  /** Omitted: each case moves the review it is waiting for (READY/IN_PRIMARY: primary, IN_SECONDARY: secondary). */
  level: z.enum(["PRIMARY", "SECONDARY"]).optional(),
  reason: z.string().trim().min(1, "say why the cases are reassigned").max(500, "must be at most 500 characters"),
});
export type BulkReassignInput = z.output<typeof bulkReassignBody>;

export type BulkOutcome =
  | { caseId: string; ok: true; level: ReviewLevel }
  | { caseId: string; ok: false; code: DomainErrorCode; error: string };

/**
 * Reassigns each case on its own (reassignCase: one transaction, lock and audit row per case), so one case
 * that cannot move (decided meanwhile, target is its primary) does not hold back the others. The caller gets
 * the outcome of every case.
 */
export async function bulkReassign(prisma: PrismaClient, actor: SessionUser, input: BulkReassignInput): Promise<BulkOutcome[]> {
  const states = new Map(
    (await prisma.case.findMany({ where: { id: { in: input.caseIds } }, select: { id: true, state: true } })).map((c) => [c.id, c.state]),
  );
  const out: BulkOutcome[] = [];
  for (const caseId of input.caseIds) {
    const state = states.get(caseId);
    const level = input.level ?? (state ? levelAwaited(state) : null);
    try {
      if (!state) throw new DomainError("not_found", "no such case");
      if (!level) throw new DomainError("conflict", `a ${state.toLowerCase().replace(/_/g, " ")} case has no review to reassign`);
      await reassignCase(prisma, actor, caseId, { level, userId: input.userId, reason: input.reason });
      out.push({ caseId, ok: true, level });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      out.push({ caseId, ok: false, code: e.code, error: e.message });
    }
  }
  return out;
}
