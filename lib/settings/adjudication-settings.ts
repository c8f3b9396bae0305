import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { checkVerificationRejectValue } from "@/lib/mosip/adjudication-response";

// Settings admins change at run time, stored in the Setting table under one key. Defaults are what a
// new installation runs with; every read validates, so a bad stored value can never reach MOSIP.
export const adjudicationSettingsSchema = z.strictObject({
  /** ALL: every case gets a second reviewer. DUPLICATES_ONLY: only cases where the primary found a duplicate. */
  secondaryReview: z.enum(["ALL", "DUPLICATES_ONLY"]),
  /** Most open cases an operator holds at once, unless their own cap says otherwise. */
  defaultCaseCap: z.number().int().min(1).max(1000),
  /** Highlight cases whose MOSIP deadline is this close. */
  deadlineWarningMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** What a rejected verification sends MOSIP: any value but 1 (approve) and 2 (resend). */
  verificationRejectValue: z
    .number()
    .int()
    .refine((v) => {
      try {
        checkVerificationRejectValue(v);
        return true;
      } catch {
        return false;
      }
    }, "must be a whole number other than 1 (approve) and 2 (resend)"),
});
export type AdjudicationSettings = z.output<typeof adjudicationSettingsSchema>;

export const DEFAULT_SETTINGS: AdjudicationSettings = {
  secondaryReview: "ALL",
  defaultCaseCap: 5,
  deadlineWarningMinutes: 30,
  verificationRejectValue: 3,
};

export const SETTINGS_KEY = "adjudication";

/** The stored settings over the defaults (the installation's MOSIP_VERIFICATION_REJECT_VALUE among them). */
export async function getAdjudicationSettings(
  db: Pick<Prisma.TransactionClient, "setting">,
  defaults: AdjudicationSettings = DEFAULT_SETTINGS,
): Promise<AdjudicationSettings> {
  const row = await db.setting.findUnique({ where: { key: SETTINGS_KEY } });
  const merged = { ...defaults, ...(row?.value && typeof row.value === "object" ? (row.value as object) : {}) };
  const parsed = adjudicationSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaults;
}
