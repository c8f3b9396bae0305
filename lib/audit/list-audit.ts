import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";

export const auditQuery = z.strictObject({
  action: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  targetId: z.string().max(64).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.output<typeof auditQuery>;

export interface AuditView {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
}

/** Newest first; page with `before` = the last id seen. */
export async function listAudit(prisma: PrismaClient, q: AuditQuery): Promise<{ events: AuditView[]; next: string | null }> {
  const rows = await prisma.auditEvent.findMany({
    where: {
      action: q.action ? { startsWith: q.action } : undefined,
      actorId: q.actorId,
      targetId: q.targetId,
      id: q.before ? { lt: BigInt(q.before) } : undefined,
    },
    orderBy: { id: "desc" },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    events: page.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorUsername: r.actorUsername,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      details: r.details,
    })),
    next: rows.length > q.limit ? page[page.length - 1].id.toString() : null,
  };
}
