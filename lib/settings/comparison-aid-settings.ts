import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { readKeyedSetting, writeKeyedSetting, type KeyedSetting } from "./keyed-setting";
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

const SETTING: KeyedSetting<ComparisonAidSettings> = {
  key: COMPARISON_AID_KEY,
  schema: comparisonAidSettingsSchema,
  defaults: DEFAULT_COMPARISON_AID,
  lock: 7301002,
};

/** The stored values over the defaults; a stored value that no longer validates reads as the defaults. */
export function getComparisonAidSettings(db: Pick<Prisma.TransactionClient, "setting">): Promise<ComparisonAidSettings> {
  return readKeyedSetting(db, SETTING);
}

/** Stores the settings and audits what changed (old and new values) in one transaction; the same values again change nothing. */
export function updateComparisonAidSettings(
  prisma: PrismaClient,
  actor: SessionUser,
  next: ComparisonAidSettings,
): Promise<{ settings: ComparisonAidSettings; changed: (keyof ComparisonAidSettings)[] }> {
  return writeKeyedSetting(prisma, actor, SETTING, () => next);
}
