import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";

export type UncertainResolution = "markSent" | "sendNow";

/**
 * An admin settles an UNCERTAIN response, after checking MOSIP's side (the packet's status, or the
 * response queue):
 * - markSent: MOSIP has it. The row becomes SENT and the case ANSWERED; nothing is sent.
 * - sendNow: MOSIP does not have it. The row goes back to PENDING and the publisher sends it. If MOSIP did
 *   have it after all, this second answer can move the packet to FAILED: the page says so before asking.
 * Audited in the same transaction.
 */
export async function resolveUncertain(
  prisma: PrismaClient,
  outboxId: string,
  resolution: UncertainResolution,
  actor: { id: string; username: string },
  now: Date = new Date(),
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const row = await tx.outboxMessage.findUnique({ where: { id: outboxId }, select: { id: true, caseId: true, state: true } });
    if (!row) throw new DomainError("not_found", "no such outbox message");
    if (row.state !== "UNCERTAIN") throw new DomainError("conflict", `the message is ${row.state.toLowerCase()}, not uncertain`);
    if (resolution === "markSent") {
      const r = await tx.outboxMessage.updateMany({ where: { id: row.id, state: "UNCERTAIN" }, data: { state: "SENT", sentAt: now } });
      if (r.count !== 1) throw new DomainError("conflict", "the message changed meanwhile; reload");
      await tx.case.updateMany({ where: { id: row.caseId, state: "DECIDED" }, data: { state: "ANSWERED", answeredAt: now } });
    } else {
      const r = await tx.outboxMessage.updateMany({
        where: { id: row.id, state: "UNCERTAIN" },
        data: { state: "PENDING", nextAttemptAt: now },
      });
      if (r.count !== 1) throw new DomainError("conflict", "the message changed meanwhile; reload");
    }
    await recordAudit(tx, {
      actor,
      action: resolution === "markSent" ? "outbox.marked_sent" : "outbox.resend_confirmed",
      targetType: "outbox",
      targetId: row.id,
      details: { caseId: row.caseId },
    });
  });
}

/** A FAILED response (the broker refused it) is queued again. Audited in the same transaction. */
export async function retryFailedResponse(
  prisma: PrismaClient,
  outboxId: string,
  actor: { id: string; username: string },
  now: Date = new Date(),
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const row = await tx.outboxMessage.findUnique({
      where: { id: outboxId },
      select: { id: true, caseId: true, state: true, case: { select: { state: true } } },
    });
    if (!row) throw new DomainError("not_found", "no such outbox message");
    if (row.state !== "FAILED")
      throw new DomainError("conflict", `only failed messages can be retried; this one is ${row.state.toLowerCase()}`);
    if (row.case.state === "SUPERSEDED")
      throw new DomainError("conflict", "the case was superseded by a newer request; its requestId must never be answered");
    const r = await tx.outboxMessage.updateMany({ where: { id: row.id, state: "FAILED" }, data: { state: "PENDING", nextAttemptAt: now } });
    if (r.count !== 1) throw new DomainError("conflict", "the message changed meanwhile; reload");
    await recordAudit(tx, { actor, action: "outbox.retried", targetType: "outbox", targetId: row.id, details: { caseId: row.caseId } });
  });
}
