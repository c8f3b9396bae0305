import "server-only";
import type { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/load-user";

/** A group of settings stored as one JSON value under its own Setting key, validated at every read and write. */
export interface KeyedSetting<T extends Record<string, unknown>> {
  key: string;
  schema: z.ZodType<T>;
  defaults: T;
  /** Advisory lock taken by every write of this group, so that two people saving at once each audit against what the other stored. */
  lock: number;
}

/** The stored values over the defaults; a stored value that no longer validates reads as the defaults. */
export async function readKeyedSetting<T extends Record<string, unknown>>(
  db: Pick<Prisma.TransactionClient, "setting">,
  s: KeyedSetting<T>,
): Promise<T> {
  const row = await db.setting.findUnique({ where: { key: s.key } });
  const merged = { ...s.defaults, ...(row?.value && typeof row.value === "object" ? (row.value as object) : {}) };
  const parsed = s.schema.safeParse(merged);
  return parsed.success ? parsed.data : s.defaults;
}

/**
 * Stores `next(before)` (validated whole) and audits the changed fields, old and new values, in the same
 * transaction. Saving the same values again changes and audits nothing.
 */
export async function writeKeyedSetting<T extends Record<string, unknown>>(
  prisma: PrismaClient,
  actor: SessionUser,
  s: KeyedSetting<T>,
  next: (before: T) => T,
): Promise<{ settings: T; changed: (keyof T)[] }> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${Number(s.lock)})`);
    const before = await readKeyedSetting(tx, s);
    const after = s.schema.parse(next(before));
    const changed = (Object.keys(after) as (keyof T)[]).filter((k) => before[k] !== after[k]);
    if (!changed.length) return { settings: before, changed };
    const value = after as unknown as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: s.key }, create: { key: s.key, value }, update: { value } });
    await recordAudit(tx, {
      actor,
      action: "settings.update",
      targetType: "setting",
      targetId: s.key,
      details: {
        changed: changed as string[],
        from: Object.fromEntries(changed.map((k) => [k, before[k]])) as Prisma.InputJsonValue,
        to: Object.fromEntries(changed.map((k) => [k, after[k]])) as Prisma.InputJsonValue,
      },
    });
    return { settings: after, changed };
  });
}
