import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { readMessageMeta } from "@/lib/broker/read-message-meta";
import { intakeErrorBody, type IncomingMessage } from "./receive-request";

/**
 * Last resort for a message that receiveRequest failed to store several times while the database was
 * reachable (a bug, or a value the schema cannot hold): keep its bytes as an intake error so it can be
 * acknowledged and stop blocking the queue. The reason names the error class, not its text, which could
 * quote the message.
 */
export async function recordUnstorableMessage(prisma: PrismaClient, m: IncomingMessage, error: Error, failures: number): Promise<bigint> {
  const meta = readMessageMeta(m.headers);
  return prisma.$transaction(async (tx) => {
    const row = await tx.inboxMessage.create({
      data: {
        brokerMessageId: meta.brokerMessageId?.slice(0, 255) ?? null,
        destination: m.destination.slice(0, 255),
        format: meta.format,
        ...intakeErrorBody(Buffer.from(m.body)),
        bodySize: m.body.byteLength,
        redelivered: meta.redelivered,
        brokerExpiresAt: meta.expiresAt,
        brokerTimestamp: meta.timestamp,
        outcome: "REJECTED",
        errorCode: "STORE_FAILED",
        errorReason: `could not be stored after ${failures} attempts (${error.name})`,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: null,
      action: "intake.rejected",
      targetType: "inbox",
      targetId: String(row.id),
      details: { code: "STORE_FAILED" },
    });
    return row.id;
  });
}
