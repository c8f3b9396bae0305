import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/load-user";

// Decision-quality settings supervisors change at run time (permission quality.manage), stored apart from the
// adjudication settings admins keep, under their own key; every read validates, a bad stored value reads as
// the defaults.
export const qualitySettingsSchema = z.strictObject({
  /** Share of all cases, in percent, that are synthetic known-answer cases (0 = off). At most 20. */
  knownAnswerPercent: z.number().min(0).max(20),
  /** Share of agreed decisions, in percent, drawn for the supervisor's sample review. Flagged cases always are. */
  sampleReviewPercent: z.number().min(0).max(100),
});
export type QualitySettings = z.output<typeof qualitySettingsSchema>;

export const DEFAULT_QUALITY_SETTINGS: QualitySettings = { knownAnswerPercent: 0, sampleReviewPercent: 0 };

export const QUALITY_SETTINGS_KEY = "quality";

export async function getQualitySettings(db: Pick<Prisma.TransactionClient, "setting">): Promise<QualitySettings> {
  const row = await db.setting.findUnique({ where: { key: QUALITY_SETTINGS_KEY } });
  const merged = { ...DEFAULT_QUALITY_SETTINGS, ...(row?.value && typeof row.value === "object" ? (row.value as object) : {}) };
  const parsed = qualitySettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_QUALITY_SETTINGS;
}

/** Stores the settings and audits what changed (old and new values: no personal data) in one transaction. */
export async function updateQualitySettings(
  prisma: PrismaClient,
  actor: SessionUser,
  next: QualitySettings,
): Promise<{ settings: QualitySettings; changed: (keyof QualitySettings)[] }> {
  return prisma.$transaction(async (tx) => {
    // Two supervisors saving at once must each audit against what the other stored.
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(7301003)`);
    const before = await getQualitySettings(tx);
    const changed = (Object.keys(next) as (keyof QualitySettings)[]).filter((k) => before[k] !== next[k]);
    if (!changed.length) return { settings: before, changed };
    const value = next as unknown as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: QUALITY_SETTINGS_KEY }, create: { key: QUALITY_SETTINGS_KEY, value }, update: { value } });
    await recordAudit(tx, {
      actor,
      action: "settings.update",
      targetType: "setting",
      targetId: QUALITY_SETTINGS_KEY,
      details: {
        changed,
        from: Object.fromEntries(changed.map((k) => [k, before[k]])),
        to: Object.fromEntries(changed.map((k) => [k, next[k]])),
      },
    });
    return { settings: next, changed };
  });
}
