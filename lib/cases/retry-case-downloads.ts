import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { isOneOf, RETRYABLE_DATA_STATES } from "./case-lifecycle";
import { lockCase, settleCaseData } from "./settle-case-data";

/** Empty on purpose: the action needs nothing but the id; a body keeps every action a JSON POST. */
export const retryDownloadsBody = z.strictObject({});

/**
 * Admin action on a DATA_UNAVAILABLE case: fetch its failed shares again from scratch (a share that
 * expired will fail again; the admin's other option is answering MOSIP with returnValue 2).
 * Returns how many downloads were queued. Wake the download worker afterwards.
 */
export async function retryCaseDownloads(prisma: PrismaClient, caseId: string, actor: { id: string; username: string }): Promise<number> {
  return prisma.$transaction(async (tx) => {
    if (!(await lockCase(tx, caseId))) throw new DomainError("not_found", "case not found");
    const c = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { state: true } });
    if (!isOneOf(RETRYABLE_DATA_STATES, c.state)) {
      throw new DomainError("conflict", `downloads can be retried only while data is unavailable (case is ${c.state})`);
    }
    // FAILED rows only: a STORED share is never read again (MOSIP's policy allows two reads of a share).
    // The retry schedule still counts from the request's receipt, so past the share's validity this is one GET.
    const { count } = await tx.datashareDownload.updateMany({
      // A URL cleared by retention cannot be tried again.
      where: { caseId, state: "FAILED", url: { not: null } },
      data: { state: "PENDING", attempts: 0, nextAttemptAt: new Date(), leaseUntil: null },
    });
    await recordAudit(tx, { actor, action: "case.downloads_retried", targetType: "case", targetId: caseId, details: { downloads: count } });
    await settleCaseData(tx, caseId);
    return count;
  });
}
