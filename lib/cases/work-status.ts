import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors/domain-error";
import {
  activityLookbackMs,
  evaluateWorkLimits,
  WORK_LIMIT_LABEL,
  type WorkLimit,
  type WorkLimitSettings,
  type WorkStatus,
} from "./work-limits";

type Db = Pick<Prisma.TransactionClient, "decision" | "reviewView">;

/** Each user's work status now, from their decisions (carried copies excluded) and first views. */
export async function loadWorkStatuses(
  db: Db,
  userIds: readonly string[],
  settings: WorkLimitSettings,
  now: Date,
): Promise<Map<string, WorkStatus>> {
  const out = new Map<string, WorkStatus>();
  if (!userIds.length) return out;
  const since = new Date(now.getTime() - activityLookbackMs(settings));
  const [decisions, views] = await Promise.all([
    db.decision.findMany({
      where: { userId: { in: [...userIds] }, carriedFromId: null, createdAt: { gt: since, lte: now } },
      select: { userId: true, createdAt: true },
    }),
    db.reviewView.findMany({ where: { userId: { in: [...userIds] }, at: { gt: since, lte: now } }, select: { userId: true, at: true } }),
  ]);
  for (const id of userIds)
    out.set(
      id,
      evaluateWorkLimits(
        {
          decisions: decisions.filter((d) => d.userId === id).map((d) => d.createdAt),
          views: views.filter((v) => v.userId === id).map((v) => v.at),
        },
        settings,
        now,
      ),
    );
  return out;
}

/** The users of the list who are at a work limit: automatic assignment passes them over. */
export async function usersAtWorkLimit(db: Db, userIds: readonly string[], settings: WorkLimitSettings, now: Date): Promise<Set<string>> {
  const statuses = await loadWorkStatuses(db, userIds, settings, now);
  return new Set([...statuses].filter(([, s]) => s.reached).map(([id]) => id));
}

/** Refuses new work to a user at a work limit (work_limit_reached: which limit, and when work can resume). */
export async function assertUnderWorkLimits(db: Db, userId: string, settings: WorkLimitSettings, now: Date): Promise<void> {
  const status = (await loadWorkStatuses(db, [userId], settings, now)).get(userId);
  const reached = status?.reached;
  if (!reached) return;
  const resumeAt = reached.resumeAt.toISOString();
  throw new DomainError(
    "work_limit_reached",
    `you have reached the limit of ${WORK_LIMIT_LABEL[reached.limit]}: "Next case" gives you new work again from ${resumeAt}. Cases already assigned to you may still be decided`,
    undefined,
    { limit: reached.limit, resumeAt },
  );
}

/** An officer's own work against the fatigue limits, for their queue page (GET /api/cases/work-status). */
export interface OwnWorkStatus {
  casesLastHour: number;
  casesLast24h: number;
  continuousMinutes: number;
  /** The limits in force (0 = off) and the pause that counts as a break. */
  limits: WorkLimitSettings;
  near: boolean;
  /** The limit that holds new work back longest, and when "Next case" gives new work again; null under every limit. */
  reached: { limit: WorkLimit; resumeAt: string } | null;
}

export async function loadOwnWorkStatus(db: Db, userId: string, settings: WorkLimitSettings, now: Date): Promise<OwnWorkStatus> {
  const s = (await loadWorkStatuses(db, [userId], settings, now)).get(userId)!;
  return {
    casesLastHour: s.casesLastHour,
    casesLast24h: s.casesLast24h,
    continuousMinutes: s.continuousMinutes,
    limits: {
      maxContinuousWorkMinutes: settings.maxContinuousWorkMinutes,
      breakMinutes: settings.breakMinutes,
      maxCasesPerHour: settings.maxCasesPerHour,
      maxCasesPerDay: settings.maxCasesPerDay,
    },
    near: s.near,
    reached: s.reached ? { limit: s.reached.limit, resumeAt: s.reached.resumeAt.toISOString() } : null,
  };
}
