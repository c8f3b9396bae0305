import "server-only";
import { metrics } from "@/lib/metrics/metrics";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ClaimedResponse } from "./claim-outbox";

// What the publisher writes after a send attempt. Each function is one transaction and only moves a row
// that is still in the state the publisher left it in, so an admin's action in between is never undone.

/**
 * The broker's receipt arrived: the response is MOSIP's now. Row SENT, case ANSWERED, audit, together.
 * UNCERTAIN is accepted as a starting state too: a receipt is proof, whoever marked the row meanwhile.
 */
export async function markSent(
  prisma: PrismaClient,
  row: Pick<ClaimedResponse, "id" | "caseId" | "attempts" | "destination">,
  now: Date = new Date(),
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const r = await tx.outboxMessage.updateMany({
      where: { id: row.id, state: { in: ["SENDING", "UNCERTAIN"] } },
      data: { state: "SENT", sentAt: now, lastError: null },
    });
    if (r.count !== 1) return false;
    // The outbox row is written in the final decision's transaction: its age is the answer's time to MOSIP.
    const { createdAt } = await tx.outboxMessage.findUniqueOrThrow({ where: { id: row.id }, select: { createdAt: true } });
    metrics().decisionToReceiptSeconds.observe(Math.max(0, (now.getTime() - createdAt.getTime()) / 1000));
    await tx.case.updateMany({ where: { id: row.caseId, state: "DECIDED" }, data: { state: "ANSWERED", answeredAt: now } });
    await recordAudit(tx, {
      actor: null,
      action: "case.answered",
      targetType: "case",
      targetId: row.caseId,
      details: { outboxId: row.id, queue: row.destination, attempts: row.attempts },
    });
    return true;
  });
}

/** Nothing reached the broker (it was down): the row waits for the next attempt. Not audited: routine. */
export async function markPendingAgain(
  prisma: PrismaClient,
  row: Pick<ClaimedResponse, "id">,
  error: string,
  nextAttemptAt: Date,
): Promise<boolean> {
  const r = await prisma.outboxMessage.updateMany({
    where: { id: row.id, state: "SENDING" },
    data: { state: "PENDING", lastError: error, nextAttemptAt },
  });
  return r.count === 1;
}

/** The broker may hold the message: never resent by itself; an admin decides (lib/outbox/resolve-uncertain.ts). */
export async function markUncertain(prisma: PrismaClient, row: Pick<ClaimedResponse, "id" | "caseId">, error: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const r = await tx.outboxMessage.updateMany({
      where: { id: row.id, state: "SENDING" },
      data: { state: "UNCERTAIN", lastError: error },
    });
    if (r.count !== 1) return false;
    await recordAudit(tx, {
      actor: null,
      action: "outbox.uncertain",
      targetType: "outbox",
      targetId: row.id,
      details: { caseId: row.caseId, reason: error.slice(0, 200) },
    });
    return true;
  });
}

/** The broker refused the message: it holds nothing, but sending it again unchanged would fail again. */
export async function markFailed(prisma: PrismaClient, row: Pick<ClaimedResponse, "id" | "caseId">, error: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const r = await tx.outboxMessage.updateMany({ where: { id: row.id, state: "SENDING" }, data: { state: "FAILED", lastError: error } });
    if (r.count !== 1) return false;
    await recordAudit(tx, {
      actor: null,
      action: "outbox.failed",
      targetType: "outbox",
      targetId: row.id,
      details: { caseId: row.caseId, reason: error.slice(0, 200) },
    });
    return true;
  });
}
