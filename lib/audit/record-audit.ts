import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

export interface AuditEntry {
  actor: { id: string; username: string } | null;
  action: string;
  targetType?: string;
  targetId?: string;
  // Never personal data: ids, field names, role names, counts.
  details?: Prisma.InputJsonValue;
}

type Tx = Pick<Prisma.TransactionClient, "auditEvent">;

/** Writes one audit row; call it with the same transaction client as the change it records. */
export async function recordAudit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: e.actor?.id ?? null,
      actorUsername: e.actor?.username ?? null,
      action: e.action,
      targetType: e.targetType ?? null,
      targetId: e.targetId ?? null,
      details: e.details,
    },
  });
}
