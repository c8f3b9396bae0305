// The supervisor dashboard against a seeded set of cases, decisions and profiles whose figures are known.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createTestDatabase } from "./helpers/test-database";
import { seedUser } from "./helpers/seed-cases";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { loadDashboard } from "@/lib/supervision/load-dashboard";
import { dayOffset } from "@/lib/analytics/profile-statistics";
import { SETTINGS_KEY, DEFAULT_SETTINGS } from "@/lib/settings/adjudication-settings";

const t = await createTestDatabase("sup_dash");
const prisma = t.db.prisma;
after(() => t.drop());
await seedRolePermissions(prisma);

const MIN = 60_000;
const HOUR = 60 * MIN;
const now = new Date();
const ago = (ms: number) => new Date(now.getTime() - ms);

type State =
  | "RECEIVED"
  | "FETCHING"
  | "DATA_UNAVAILABLE"
  | "READY"
  | "IN_PRIMARY"
  | "IN_SECONDARY"
  | "CONFLICT"
  | "DECIDED"
  | "ANSWERED"
  | "SUPERSEDED";
async function kase(
  state: State,
  extra: {
    receivedAt?: Date;
    deadlineAt?: Date;
    primaryAssigneeId?: string;
    secondaryAssigneeId?: string;
    decidedAt?: Date;
    supersededById?: string;
    outbox?: "SENT" | "FAILED" | "UNCERTAIN";
  } = {},
) {
  const { outbox, ...data } = extra;
  const c = await prisma.case.create({
    data: {
      requestId: randomUUID(),
      referenceId: `1000${Math.floor(Math.random() * 1e12)}`,
      kind: "ADJUDICATION",
      state,
      receivedAt: data.receivedAt ?? ago(HOUR),
      ...data,
    },
  });
  if (outbox)
    await prisma.outboxMessage.create({
      data: { caseId: c.id, requestId: c.requestId, destination: "adjudication-to-mosip", format: "TEXT", body: "{}", state: outbox },
    });
  return c;
}

test("every figure on the dashboard matches the seeded cases, decisions and profiles", async () => {
  await prisma.setting.create({ data: { key: SETTINGS_KEY, value: { ...DEFAULT_SETTINGS, deadlineWarningMinutes: 30 } } });
  const op1 = await seedUser(prisma, ["OPERATOR"]);
  const op2 = await seedUser(prisma, ["OPERATOR"], { caseCap: 2 });
  const sup = await seedUser(prisma, ["SUPERVISOR"]);

  // Queue: 3 waiting for data, 1 unavailable, 2 ready, 1 in primary, 2 in secondary (1 unassigned), 1 conflict.
  await kase("RECEIVED");
  await kase("RECEIVED");
  await kase("FETCHING");
  await kase("DATA_UNAVAILABLE");
  const resent = await kase("READY", { deadlineAt: new Date(now.getTime() + 10 * MIN) });
  await kase("READY", { deadlineAt: new Date(now.getTime() + 5 * HOUR) });
  const oldest = await kase("IN_PRIMARY", { receivedAt: ago(50 * HOUR), deadlineAt: ago(5 * MIN), primaryAssigneeId: op1.id });
  await kase("IN_SECONDARY", { primaryAssigneeId: op1.id, secondaryAssigneeId: op2.id });
  await kase("IN_SECONDARY", { primaryAssigneeId: op2.id });
  const conflict = await kase("CONFLICT", {
    primaryAssigneeId: op1.id,
    secondaryAssigneeId: op2.id,
    deadlineAt: new Date(now.getTime() + 2 * HOUR),
  });
  // MOSIP re-sent it: the case due in 10 min replaces this one, which had waited 99 h when the new one came.
  await kase("SUPERSEDED", { receivedAt: ago(100 * HOUR), supersededById: resent.id });
  // Decided in the last 24 h: 3 (one 30 h ago does not count). Outbox: one FAILED, one UNCERTAIN.
  const decided = await kase("DECIDED", { decidedAt: ago(30 * MIN), outbox: "FAILED" });
  const a1 = await kase("ANSWERED", { decidedAt: ago(2 * HOUR), outbox: "SENT" });
  const a2 = await kase("ANSWERED", { decidedAt: ago(2 * HOUR), outbox: "UNCERTAIN" });
  const a3 = await kase("ANSWERED", { decidedAt: ago(30 * HOUR), outbox: "SENT" });

  const d = (caseId: string, level: "PRIMARY" | "SECONDARY" | "SUPERVISOR", userId: string, at: Date) => ({
    caseId,
    level,
    userId,
    body: {},
    createdAt: at,
  });
  await prisma.decision.createMany({
    data: [
      d(a1.id, "PRIMARY", op1.id, ago(HOUR)),
      d(a2.id, "PRIMARY", op1.id, ago(HOUR)),
      d(decided.id, "PRIMARY", op1.id, ago(HOUR)),
      d(a3.id, "PRIMARY", op1.id, ago(3 * 24 * HOUR)),
      d(a1.id, "SECONDARY", op2.id, ago(HOUR)),
      d(a2.id, "SECONDARY", op2.id, ago(HOUR)),
      d(conflict.id, "PRIMARY", op1.id, ago(8 * 24 * HOUR)),
      d(decided.id, "SUPERVISOR", sup.id, ago(2 * HOUR)),
    ],
  });

  // Profiles: 4 in the last 7 days (100, 200, 300, 400 s; agreed 2 of 3 reviewed twice), 1 ten days ago, 1 twenty days ago.
  const p = (daysAgo: number, secondsToDecide: number, reviewersAgreed: boolean | null, decision: string) => ({
    process: "ADJUDICATION" as const,
    decidedOn: new Date(`${dayOffset(now, daysAgo)}T00:00:00Z`),
    biometrics: [],
    decision,
    secondsToDecide,
    candidateCount: 1,
    reviewersAgreed,
  });
  await prisma.adjudicationProfile.createMany({
    data: [
      p(0, 100, true, "DUPLICATE"),
      p(0, 300, true, "NOT_DUPLICATE"),
      p(0, 200, false, "NOT_DUPLICATE"),
      p(1, 400, null, "RESEND"),
      p(10, 9999, false, "DUPLICATE"),
      p(20, 5, true, "DUPLICATE"),
    ],
  });

  const dash = await loadDashboard(prisma, now);
  assert.deepEqual(dash.states, {
    waitingForData: 3,
    dataUnavailable: 1,
    ready: 2,
    inPrimary: 1,
    inSecondary: 2,
    awaitingSecondaryAssignee: 1,
    conflict: 1,
    decided: 1,
    answered: 3,
    superseded: 1,
    failed: 2,
  });
  assert.equal(dash.oldestOpen?.id, oldest.id, "the superseded case is older but not open");
  assert.equal(dash.oldestOpen?.primaryAssignee, op1.username);
  assert.equal(dash.deadlineWarningMinutes, 30);
  assert.deepEqual(
    dash.nearDeadline.map((c) => c.state),
    ["IN_PRIMARY", "READY"],
    "overdue first, then the one due in 10 min; 2 h and 5 h away are not near",
  );
  assert.deepEqual(
    dash.nearDeadline.map((c) => c.resent),
    [null, { replaced: 1, waitedMinutes: 99 * 60 }],
    "the re-sent request is marked with how long the request it replaced had waited",
  );
  assert.deepEqual(
    dash.conflicts.map((c) => [c.id, c.primaryAssignee, c.secondaryAssignee]),
    [[conflict.id, op1.username, op2.username]],
  );

  assert.equal(dash.decidedPerHour.length, 24);
  assert.equal(
    dash.decidedPerHour.reduce((s, b) => s + b.count, 0),
    3,
  );
  assert.equal(dash.decidedPerDay.length, 14);
  assert.deepEqual(
    dash.decidedPerDay.slice(-2).map((b) => b.count),
    [1, 3],
  );
  assert.equal(dash.decidedPerDay.find((b) => b.start === dayOffset(now, 10))?.count, 1);
  assert.equal(
    dash.decidedPerDay.reduce((s, b) => s + b.count, 0),
    5,
    "the profile of 20 days ago is outside the chart",
  );
  assert.equal(dash.last7Days.profiles, 4);
  assert.equal(dash.last7Days.medianSecondsToDecide, 250);
  assert.deepEqual(dash.last7Days.agreement, { rate: 2 / 3, agreed: 2, reviewed: 3 });
  assert.deepEqual(dash.last7Days.decisions, { DUPLICATE: 1, NOT_DUPLICATE: 2, RESEND: 1 });

  const w = new Map(dash.workload.map((o) => [o.username, o]));
  assert.deepEqual([...w.keys()].sort(), [op1.username, op2.username, sup.username].sort(), "reviewers, and the supervisor who decided");
  assert.deepEqual(
    {
      open: [w.get(op1.username)!.openPrimary, w.get(op1.username)!.openSecondary],
      cap: w.get(op1.username)!.effectiveCap,
      d24: w.get(op1.username)!.decisions24h,
      d7: w.get(op1.username)!.decisions7d,
    },
    { open: [1, 0], cap: 5, d24: { PRIMARY: 3, SECONDARY: 0, SUPERVISOR: 0 }, d7: { PRIMARY: 4, SECONDARY: 0, SUPERVISOR: 0 } },
  );
  assert.deepEqual(
    {
      open: [w.get(op2.username)!.openPrimary, w.get(op2.username)!.openSecondary],
      cap: w.get(op2.username)!.effectiveCap,
      own: w.get(op2.username)!.caseCap,
      d7: w.get(op2.username)!.decisions7d,
    },
    { open: [0, 1], cap: 2, own: 2, d7: { PRIMARY: 0, SECONDARY: 2, SUPERVISOR: 0 } },
  );
  assert.deepEqual(w.get(sup.username)!.decisions24h, { PRIMARY: 0, SECONDARY: 0, SUPERVISOR: 1 });
});
