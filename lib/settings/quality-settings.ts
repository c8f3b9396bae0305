import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { readKeyedSetting, writeKeyedSetting, type KeyedSetting } from "./keyed-setting";
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

const SETTING: KeyedSetting<QualitySettings> = {
  key: QUALITY_SETTINGS_KEY,
  schema: qualitySettingsSchema,
  defaults: DEFAULT_QUALITY_SETTINGS,
  lock: 7301003,
};

/** The stored values over the defaults; a stored value that no longer validates reads as the defaults. */
export function getQualitySettings(db: Pick<Prisma.TransactionClient, "setting">): Promise<QualitySettings> {
  return readKeyedSetting(db, SETTING);
}

/** Stores the settings and audits what changed (old and new values) in one transaction; the same values again change nothing. */
export function updateQualitySettings(
  prisma: PrismaClient,
  actor: SessionUser,
  next: QualitySettings,
): Promise<{ settings: QualitySettings; changed: (keyof QualitySettings)[] }> {
  return writeKeyedSetting(prisma, actor, SETTING, () => next);
}
