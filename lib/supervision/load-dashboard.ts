import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { getAdjudicationSettings } from "@/lib/settings/adjudication-settings";
import { OPEN_STATES } from "@/lib/cases/case-lifecycle";
import { summarizeResend, type ResentSummary } from "@/lib/cases/summarize-resend";
import { agreementRate, bucketByDay, bucketByHour, dayOffset, median, type Bucket } from "@/lib/analytics/profile-statistics";

export interface StateCounts {
  /** RECEIVED or FETCHING: the datashares are on their way. */
  waitingForData: number;
  dataUnavailable: number;
  ready: number;
  inPrimary: number;
  inSecondary: number;
  /** Of inSecondary: no eligible secondary was free, the assigner will try again. */
  awaitingSecondaryAssignee: number;
  conflict: number;
  /** Decided, response queued for MOSIP but not yet confirmed sent. */
  decided: number;
  answered: number;
  superseded: number;
  /** Responses in the outbox that FAILED or are UNCERTAIN: need an admin (integration page). */
  failed: number;
}

export interface CaseBrief {
  id: string;
  kind: "ADJUDICATION" | "VERIFICATION";
  state: string;
  receivedAt: string;
  deadlineAt: string | null;
  primaryAssignee: string | null;
  secondaryAssignee: string | null;
  /** MOSIP re-sent the request: what it replaced and how long that waited. */
  resent: ResentSummary | null;
}

export interface OperatorWorkload {
  userId: string;
  username: string;
  active: boolean;
  canPrimary: boolean;
  canSecondary: boolean;
  /** The operator's own cap, or null for the installation default. */
  caseCap: number | null;
  effectiveCap: number;
  openPrimary: number;
  openSecondary: number;
  decisions24h: { PRIMARY: number; SECONDARY: number; SUPERVISOR: number };
  decisions7d: { PRIMARY: number; SECONDARY: number; SUPERVISOR: number };
}

export interface Dashboard {
  generatedAt: string;
  deadlineWarningMinutes: number;
  states: StateCounts;
  oldestOpen: CaseBrief | null;
  nearDeadline: CaseBrief[];
  conflicts: CaseBrief[];
  /** Cases decided per clock hour, last 24 h (from Case.decidedAt: profiles keep only the day, on purpose). */
  decidedPerHour: Bucket[];
  /** Profiles per decision day, last 14 days. */
  decidedPerDay: Bucket[];
  /** Over the profiles of the last 7 days. */
  last7Days: {
    profiles: number;
    medianSecondsToDecide: number | null;
    agreement: { rate: number | null; agreed: number; reviewed: number };
    decisions: Record<string, number>;
  };
  workload: OperatorWorkload[];
}

const HOUR = 60 * 60 * 1000;
const brief = {
  id: true,
  kind: true,
  state: true,
  receivedAt: true,
  deadlineAt: true,
  primaryAssignee: { select: { username: true } },
  secondaryAssignee: { select: { username: true } },
  supersedes: { select: { receivedAt: true } },
} as const;

type BriefRow = {
  id: string;
  kind: "ADJUDICATION" | "VERIFICATION";
  state: string;
  receivedAt: Date;
  deadlineAt: Date | null;
  primaryAssignee: { username: string } | null;
  secondaryAssignee: { username: string } | null;
  supersedes: { receivedAt: Date }[];
};
function toBrief(c: BriefRow): CaseBrief {
  return {
    id: c.id,
    kind: c.kind,
    state: c.state,
    receivedAt: c.receivedAt.toISOString(),
    deadlineAt: c.deadlineAt?.toISOString() ?? null,
    primaryAssignee: c.primaryAssignee?.username ?? null,
    secondaryAssignee: c.secondaryAssignee?.username ?? null,
    resent: summarizeResend(c.receivedAt, c.supersedes),
  };
}

/**
 * Everything on the supervisor dashboard. Queue figures come from Case (ids, states and times only); the
 * outcome figures (per day, median, agreement) from AdjudicationProfile, which holds no personal data; the
 * per-hour chart from Case.decidedAt because a profile deliberately keeps only the day.
 */
export async function loadDashboard(prisma: PrismaClient, now = new Date()): Promise<Dashboard> {
  const settings = await getAdjudicationSettings(prisma);
  const warnUntil = new Date(now.getTime() + settings.deadlineWarningMinutes * 60_000);
  const since14d = dayOffset(now, 13);
  const since7d = dayOffset(now, 6);
  const [byState, unassignedSecondary, failed, oldest, near, conflicts, decidedTimes, profiles14d, operators] = await Promise.all([
    prisma.case.groupBy({ by: ["state"], _count: { _all: true } }),
    prisma.case.count({ where: { state: "IN_SECONDARY", secondaryAssigneeId: null } }),
    prisma.outboxMessage.count({ where: { state: { in: ["FAILED", "UNCERTAIN"] } } }),
    prisma.case.findFirst({ where: { state: { in: [...OPEN_STATES] } }, orderBy: { receivedAt: "asc" }, select: brief }),
    prisma.case.findMany({
      where: { state: { in: [...OPEN_STATES] }, deadlineAt: { lte: warnUntil } },
      orderBy: { deadlineAt: "asc" },
      take: 50,
      select: brief,
    }),
    prisma.case.findMany({
      where: { state: "CONFLICT" },
      orderBy: [{ deadlineAt: { sort: "asc", nulls: "last" } }, { receivedAt: "asc" }],
      take: 100,
      select: brief,
    }),
    prisma.case.findMany({ where: { decidedAt: { gte: new Date(now.getTime() - 24 * HOUR) } }, select: { decidedAt: true } }),
    prisma.adjudicationProfile.findMany({
      where: { decidedOn: { gte: new Date(`${since14d}T00:00:00Z`) } },
      select: { decidedOn: true, secondsToDecide: true, reviewersAgreed: true, decision: true },
    }),
    loadWorkload(prisma, now, settings.defaultCaseCap),
  ]);
  const count = (s: string) => byState.find((g) => g.state === s)?._count._all ?? 0;
  const recent = profiles14d.filter((p) => p.decidedOn.toISOString().slice(0, 10) >= since7d);
  const decisions: Record<string, number> = {};
  for (const p of recent) decisions[p.decision] = (decisions[p.decision] ?? 0) + 1;
  return {
    generatedAt: now.toISOString(),
    deadlineWarningMinutes: settings.deadlineWarningMinutes,
    states: {
      waitingForData: count("RECEIVED") + count("FETCHING"),
      dataUnavailable: count("DATA_UNAVAILABLE"),
      ready: count("READY"),
      inPrimary: count("IN_PRIMARY"),
      inSecondary: count("IN_SECONDARY"),
      awaitingSecondaryAssignee: unassignedSecondary,
      conflict: count("CONFLICT"),
      decided: count("DECIDED"),
      answered: count("ANSWERED"),
      superseded: count("SUPERSEDED"),
      failed,
    },
    oldestOpen: oldest ? toBrief(oldest) : null,
    nearDeadline: near.map(toBrief),
    conflicts: conflicts.map(toBrief),
    decidedPerHour: bucketByHour(
      decidedTimes.map((c) => c.decidedAt!),
      now,
      24,
    ),
    decidedPerDay: bucketByDay(
      profiles14d.map((p) => p.decidedOn),
      now,
      14,
    ),
    last7Days: {
      profiles: recent.length,
      medianSecondsToDecide: median(recent.map((p) => p.secondsToDecide)),
      agreement: agreementRate(recent.map((p) => p.reviewersAgreed)),
      decisions,
    },
    workload: operators,
  };
}

/**
 * One row per active user who may review (or who decided anything in the last 7 days): what they hold now
 * against their cap, and how many decisions they recorded at each level.
 */
export async function loadWorkload(prisma: PrismaClient, now: Date, defaultCap: number): Promise<OperatorWorkload[]> {
  const since7d = new Date(now.getTime() - 7 * 24 * HOUR);
  const since24h = new Date(now.getTime() - 24 * HOUR);
  const reviewRoles = (await prisma.rolePermission.findMany({ where: { permission: "cases.review" } })).map((r) => r.role);
  const [decisions7d, decisions24h, primary, secondary] = await Promise.all([
    prisma.decision.groupBy({ by: ["userId", "level"], where: { createdAt: { gte: since7d } }, _count: { _all: true } }),
    prisma.decision.groupBy({ by: ["userId", "level"], where: { createdAt: { gte: since24h } }, _count: { _all: true } }),
    prisma.case.groupBy({
      by: ["primaryAssigneeId"],
      where: { state: "IN_PRIMARY", primaryAssigneeId: { not: null } },
      _count: { _all: true },
    }),
    prisma.case.groupBy({
      by: ["secondaryAssigneeId"],
      where: { state: "IN_SECONDARY", secondaryAssigneeId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const deciders = [...new Set(decisions7d.map((d) => d.userId))];
  const users = await prisma.user.findMany({
    where: { OR: [{ active: true, roles: { some: { role: { in: reviewRoles } } } }, { id: { in: deciders } }] },
    select: { id: true, username: true, active: true, canPrimary: true, canSecondary: true, caseCap: true },
    orderBy: { username: "asc" },
  });
  const tally = (rows: typeof decisions7d, userId: string) => {
    const t = { PRIMARY: 0, SECONDARY: 0, SUPERVISOR: 0 };
    for (const r of rows) if (r.userId === userId) t[r.level] += r._count._all;
    return t;
  };
  return users.map((u) => ({
    userId: u.id,
    username: u.username,
    active: u.active,
    canPrimary: u.canPrimary,
    canSecondary: u.canSecondary,
    caseCap: u.caseCap,
    effectiveCap: u.caseCap ?? defaultCap,
    openPrimary: primary.find((g) => g.primaryAssigneeId === u.id)?._count._all ?? 0,
    openSecondary: secondary.find((g) => g.secondaryAssigneeId === u.id)?._count._all ?? 0,
    decisions24h: tally(decisions24h, u.id),
    decisions7d: tally(decisions7d, u.id),
  }));
}
