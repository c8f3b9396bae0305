import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors/domain-error";
import { activityLookbackMs, evaluateWorkLimits, WORK_LIMIT_LABEL, type WorkLimitSettings, type WorkStatus } from "./work-limits";

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
