import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { readKeyedSetting, writeKeyedSetting, type KeyedSetting } from "./keyed-setting";
import type { SessionUser } from "@/lib/auth/load-user";

// The fatigue and haste guards (docs/guards.md, docs/decisions/0021): adjudication settings admins change at run
// time, stored beside the others in the Setting table under their own key, validated on every read and write,
// and every change audited old → new. 0 turns a limit off.
export const guardSettingsSchema = z.strictObject({
  /** Longest continuous work, in minutes, after which "Next case" waits for a break; 0 = off. */
  maxContinuousWorkMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** A pause this long (no case opened for review, no decision) is a break and ends a stretch of continuous work. */
  breakMinutes: z.number().int().min(1).max(240),
  /** Most decisions per operator in any 60 minutes; 0 = off. */
  maxCasesPerHour: z.number().int().min(0).max(1000),
  /** Most decisions per operator in any 24 hours; 0 = off. */
  maxCasesPerDay: z.number().int().min(0).max(10000),
  /** Minimum dwell: seconds for every case, plus the per-comparison seconds below; both 0 = off. */
  minDwellBaseSeconds: z.number().int().min(0).max(3600),
  /** Minimum dwell: seconds per comparison, one candidate (at least 1) in one modality present (at least 1). */
  minDwellSecondsPerComparison: z.number().int().min(0).max(600),
});
export type GuardSettings = z.output<typeof guardSettingsSchema>;

/** The body of PUT /api/admin/settings/guards: any of the guards; those left out keep their stored values. */
export const guardSettingsUpdate = guardSettingsSchema.partial();

export const DEFAULT_GUARD_SETTINGS: GuardSettings = {
  // Two hours of screen work, then a quarter of an hour away from it; a case a minute at most, 400 in a day:
  // room for a careful officer, none for rubber-stamping. The dwell guard stays off until the workbench can ask
  // the officer to confirm a hasty decision (decision 0021).
  maxContinuousWorkMinutes: 120,
  breakMinutes: 15,
  maxCasesPerHour: 60,
  maxCasesPerDay: 400,
  minDwellBaseSeconds: 0,
  minDwellSecondsPerComparison: 0,
};

export const GUARD_SETTINGS_KEY = "guards";

const SETTING: KeyedSetting<GuardSettings> = {
  key: GUARD_SETTINGS_KEY,
  schema: guardSettingsSchema,
  defaults: DEFAULT_GUARD_SETTINGS,
  lock: 7301002,
};

/** The stored values over the defaults; a stored value that no longer validates reads as the defaults. */
export function getGuardSettings(db: Pick<Prisma.TransactionClient, "setting">): Promise<GuardSettings> {
  return readKeyedSetting(db, SETTING);
}

/** Stores the settings and audits what changed (old and new values) in one transaction; the same values again change nothing. */
export function updateGuardSettings(
  prisma: PrismaClient,
  actor: SessionUser,
  update: Partial<GuardSettings>,
): Promise<{ settings: GuardSettings; changed: (keyof GuardSettings)[] }> {
  return writeKeyedSetting(prisma, actor, SETTING, (before) => ({ ...before, ...update }));
}
