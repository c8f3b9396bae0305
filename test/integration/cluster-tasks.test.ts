// Periodic work that must run once per cluster (assigner, retention, profile sweep, stale-SENDING recovery)
// with two instances on one PostgreSQL. Each instance is its own pool of server sessions, as two processes
// are: an advisory lock or a row lock held by one is seen by the other exactly as across processes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { createTestDatabase } from "./helpers/test-database";
import { seedReadyCase, seedUser } from "./helpers/seed-cases";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { assignWaitingCases } from "@/lib/cases/assign-cases";
import { purgeDatashares } from "@/lib/retention/purge-datashares";
import { recoverStaleSending } from "@/lib/outbox/recover-sending";

let one: Database;
let two: Database;
let drop: () => Promise<void>;

before(async () => {
  const t = await createTestDatabase("cluster");
  one = t.db;
  drop = t.drop;
  two = await openDatabase({ kind: "postgresql", url: t.url });
  await seedRolePermissions(one.prisma);
});

after(async () => {
  await two?.close();
  await drop?.();
});

test("a task's round runs on one instance at a time: the other skips it while it runs", async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  let started!: () => void;
  const running = new Promise<void>((r) => {
    started = r;
  });
  const first = one.sql.runExclusive("task.retention", async () => {
    started();
    await held;
  });
  await running;
  let ranOnTwo = false;
  assert.equal(
    await two.sql.runExclusive("task.retention", async () => {
      ranOnTwo = true;
    }),
    false,
  );
  assert.equal(ranOnTwo, false, "the second instance skipped the round");
  // Another task is not held up by it.
  assert.equal(await two.sql.runExclusive("task.profiles", async () => {}), true);
  release();
  assert.equal(await first, true);
  // Once the round is over, the next one may run anywhere.
  assert.equal(
    await two.sql.runExclusive("task.retention", async () => {
      ranOnTwo = true;
    }),
    true,
  );
  assert.equal(ranOnTwo, true);
});

test("the assigner on two instances at once assigns each case once", async () => {
  await seedUser(one.prisma, ["OPERATOR"], { canPrimary: true, caseCap: 50 });
  await seedUser(one.prisma, ["OPERATOR"], { canPrimary: true, caseCap: 50 });
  const cases = await Promise.all(Array.from({ length: 8 }, () => seedReadyCase(one.prisma)));
  const rounds = await Promise.all(
    [one, two].flatMap((db) =>
      [1, 2].map(() => db.sql.runExclusive("task.assignment", async () => void (await assignWaitingCases(db.prisma)))),
    ),
  );
  assert.ok(rounds.includes(true));
  // A round skipped while another ran is made up by the next period; here, once more on each.
  await assignWaitingCases(one.prisma);
  await assignWaitingCases(two.prisma);
  for (const c of cases) {
    const assigned = await one.prisma.auditEvent.count({ where: { action: "case.assigned", targetId: c.id } });
    assert.equal(assigned, 1, `case ${c.id} assigned ${assigned} times`);
  }
});

test("retention on two instances at once purges each case once, with one audit row", async () => {
  const now = new Date();
  const answeredAt = new Date(now.getTime() - 10 * 24 * 60 * 60 * 1000);
  const cases = [];
  for (let i = 0; i < 6; i++) {
    const k = await seedReadyCase(one.prisma, { candidates: 1 });
    await one.prisma.case.update({ where: { id: k.id }, data: { state: "ANSWERED", answeredAt, profiledAt: answeredAt } });
    const body = Buffer.from(`share ${k.id}`);
    await one.prisma.datashareDownload.create({
      data: {
        caseId: k.id,
        sourceIndex: 0,
        url: "http://ds/x",
        state: "STORED",
        body,
        bodySize: body.length,
        bodySha256: createHash("sha256").update(body).digest("hex"),
        storedAt: answeredAt,
      },
    });
    cases.push(k);
  }
  await Promise.all(
    [one, two].map((db) =>
      db.sql.runExclusive("task.retention", async () => void (await purgeDatashares(db.prisma, { retentionDays: 7, now, batchSize: 2 }))),
    ),
  );
  await purgeDatashares(two.prisma, { retentionDays: 7, now });
  for (const k of cases) {
    assert.equal(await one.prisma.auditEvent.count({ where: { action: "case.datashares_purged", targetId: k.id } }), 1);
    assert.equal(await one.prisma.datashareDownload.count({ where: { caseId: k.id, body: { not: null } } }), 0);
  }
});

test("stale-SENDING recovery on two instances at once makes each row UNCERTAIN once, with one audit row", async () => {
  const sendingAt = new Date(Date.now() - 10 * 60 * 1000);
  const rows = [];
  for (let i = 0; i < 10; i++) {
    const k = await seedReadyCase(one.prisma, { candidates: 1 });
    rows.push(
      await one.prisma.outboxMessage.create({
        data: {
          caseId: k.id,
          requestId: randomUUID(),
          destination: "adjudication-to-mosip",
          format: "TEXT",
          body: "{}",
          state: "SENDING",
          sendingAt,
        },
      }),
    );
  }
  const [a, b] = await Promise.all([recoverStaleSending(one.prisma, 60_000), recoverStaleSending(two.prisma, 60_000)]);
  assert.equal(a.length + b.length, rows.length, "every row recovered by exactly one instance");
  assert.equal(new Set([...a, ...b]).size, rows.length);
  for (const r of rows) {
    assert.equal(await one.prisma.auditEvent.count({ where: { action: "outbox.uncertain", targetId: r.id } }), 1);
    assert.equal((await one.prisma.outboxMessage.findUniqueOrThrow({ where: { id: r.id } })).state, "UNCERTAIN");
  }
});
