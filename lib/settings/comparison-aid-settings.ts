import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/load-user";

// The fingerprint comparison aid's thresholds (docs/decisions/0022), an adjudication setting of their own under
// one Setting key, so that the form of the other settings is unaffected. Scores run 0-100 (lib/matching).
export const comparisonAidSettingsSchema = z.strictObject({
  /** A finger scoring at or above this counts as matching: it orders candidates and explains the order. */
  matchScore: z.number().min(1).max(100),
  /** A finger scoring at or above this is strong evidence of the same person. */
  strongScore: z.number().min(1).max(100),
  /** A candidate rejected with at least this many strong fingers sends the case to sample review. */
  strongFingers: z.number().int().min(1).max(10),
});
export type ComparisonAidSettings = z.output<typeof comparisonAidSettingsSchema>;

export const DEFAULT_COMPARISON_AID: ComparisonAidSettings = {
  // Above every impostor score measured so far (MOSIP's real samples: max 22.5; synthetic: p99.9 17.6).
  matchScore: 25,
  // Twice the real impostors' p95 region and below the synthetic genuine p5 (34.4) by little: clearly a match.
  strongScore: 40,
  strongFingers: 3,
};

export const COMPARISON_AID_KEY = "comparisonAid";

/** The stored thresholds over the defaults; a stored value that no longer validates gives the defaults. */
export async function getComparisonAidSettings(db: Pick<Prisma.TransactionClient, "setting">): Promise<ComparisonAidSettings> {
  const row = await db.setting.findUnique({ where: { key: COMPARISON_AID_KEY } });
  const merged = { ...DEFAULT_COMPARISON_AID, ...(row?.value && typeof row.value === "object" ? (row.value as object) : {}) };
  const parsed = comparisonAidSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_COMPARISON_AID;
}

/** Stores the thresholds and audits old and new values in one transaction; the same values again change nothing. */
export async function updateComparisonAidSettings(
  prisma: PrismaClient,
  actor: SessionUser,
  next: ComparisonAidSettings,
): Promise<{ settings: ComparisonAidSettings; changed: (keyof ComparisonAidSettings)[] }> {
  return prisma.$transaction(async (tx) => {
    // Same lock as the other settings: two admins saving at once each audit against what the other stored.
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(7301002)`);
    const before = await getComparisonAidSettings(tx);
    const changed = (Object.keys(next) as (keyof ComparisonAidSettings)[]).filter((k) => before[k] !== next[k]);
    if (!changed.length) return { settings: before, changed };
    const value = next as unknown as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: COMPARISON_AID_KEY }, create: { key: COMPARISON_AID_KEY, value }, update: { value } });
    await recordAudit(tx, {
      actor,
      action: "settings.update",
      targetType: "setting",
      targetId: COMPARISON_AID_KEY,
      details: {
        changed,
        from: Object.fromEntries(changed.map((k) => [k, before[k]])),
        to: Object.fromEntries(changed.map((k) => [k, next[k]])),
      },
    });
    return { settings: next, changed };
  });
}
