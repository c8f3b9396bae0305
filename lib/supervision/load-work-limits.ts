import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { loadWorkStatuses } from "@/lib/cases/work-status";
import { NEAR_SHARE, type WorkLimit } from "@/lib/cases/work-limits";
import { getGuardSettings, type GuardSettings } from "@/lib/settings/guard-settings";

export interface OperatorWorkLimits {
  userId: string;
  username: string;
  casesLastHour: number;
  casesLast24h: number;
  continuousMinutes: number;
  /** At or above NEAR_SHARE of some limit. */
  near: boolean;
  /** The limit that holds the operator back longest, and when "Next case" gives them new work again. */
  reached: { limit: WorkLimit; resumeAt: string } | null;
}

export interface WorkLimitsView {
  generatedAt: string;
  /** The limits in force (0 = off). */
  limits: Pick<GuardSettings, "maxContinuousWorkMinutes" | "breakMinutes" | "maxCasesPerHour" | "maxCasesPerDay">;
  nearShare: number;
  /** Active reviewers, those at a limit first, then those near one, then the rest by name. */
  operators: OperatorWorkLimits[];
}

/** The supervisor's read model of the fatigue guards: each active reviewer's work against the limits. */
export async function loadWorkLimits(prisma: PrismaClient, now: Date): Promise<WorkLimitsView> {
  const settings = await getGuardSettings(prisma);
  const reviewRoles = (await prisma.rolePermission.findMany({ where: { permission: "cases.review" } })).map((r) => r.role);
  const users = reviewRoles.length
    ? await prisma.user.findMany({
        where: { active: true, roles: { some: { role: { in: reviewRoles } } } },
        select: { id: true, username: true },
        orderBy: { username: "asc" },
      })
    : [];
  const statuses = await loadWorkStatuses(
    prisma,
    users.map((u) => u.id),
    settings,
    now,
  );
  const operators = users.map((u): OperatorWorkLimits => {
    const s = statuses.get(u.id)!;
    return {
      userId: u.id,
      username: u.username,
      casesLastHour: s.casesLastHour,
      casesLast24h: s.casesLast24h,
      continuousMinutes: s.continuousMinutes,
      near: s.near,
      reached: s.reached ? { limit: s.reached.limit, resumeAt: s.reached.resumeAt.toISOString() } : null,
    };
  });
  const rank = (o: OperatorWorkLimits) => (o.reached ? 0 : o.near ? 1 : 2);
  operators.sort((a, b) => rank(a) - rank(b) || a.username.localeCompare(b.username));
  return {
    generatedAt: now.toISOString(),
    limits: {
      maxContinuousWorkMinutes: settings.maxContinuousWorkMinutes,
      breakMinutes: settings.breakMinutes,
      maxCasesPerHour: settings.maxCasesPerHour,
      maxCasesPerDay: settings.maxCasesPerDay,
    },
    nearShare: NEAR_SHARE,
    operators,
  };
}
