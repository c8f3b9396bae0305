import "server-only";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/load-user";
import { getAdjudicationSettings, SETTINGS_KEY, type AdjudicationSettings } from "./adjudication-settings";

export interface SettingsUpdate {
  settings: AdjudicationSettings;
  changed: (keyof AdjudicationSettings)[];
}

/**
 * Stores the adjudication settings (already validated by adjudicationSettingsSchema) and audits what changed,
 * old and new values, in the same transaction. The settings hold no personal data, so the values themselves
 * go into the audit row. Saving the same values again changes and audits nothing.
 */
export async function updateSettings(
  prisma: PrismaClient,
  actor: SessionUser,
  next: AdjudicationSettings,
  defaults: AdjudicationSettings,
): Promise<SettingsUpdate> {
  return prisma.$transaction(async (tx) => {
    // Two admins saving at once must each audit against what the other stored (the row may not exist yet,
    // so a row lock would not do).
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(7301002)`);
    const before = await getAdjudicationSettings(tx, defaults);
    const changed = (Object.keys(next) as (keyof AdjudicationSettings)[]).filter((k) => before[k] !== next[k]);
    if (!changed.length) return { settings: before, changed };
    const value = next as unknown as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: SETTINGS_KEY }, create: { key: SETTINGS_KEY, value }, update: { value } });
    await recordAudit(tx, {
      actor,
      action: "settings.update",
      targetType: "setting",
      targetId: SETTINGS_KEY,
      details: {
        changed,
        from: Object.fromEntries(changed.map((k) => [k, before[k]])),
        to: Object.fromEntries(changed.map((k) => [k, next[k]])),
      },
    });
    return { settings: next, changed };
  });
}

/** The operators' own caps, for the settings page (users with review eligibility, active first). */
export async function listOperatorCaps(prisma: PrismaClient) {
  const reviewRoles = (await prisma.rolePermission.findMany({ where: { permission: "cases.review" } })).map((r) => r.role);
  const users = await prisma.user.findMany({
    where: { roles: { some: { role: { in: reviewRoles } } } },
    select: { id: true, username: true, displayName: true, active: true, caseCap: true },
    orderBy: [{ active: "desc" }, { username: "asc" }],
  });
  return users;
}
