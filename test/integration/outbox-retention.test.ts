// Datashare retention on real PostgreSQL with a fake clock: bodies of answered cases go after the
// retention period, their hashes, the case, its decisions and its audit trail stay; nothing else is touched.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createTestDatabase } from "./helpers/test-database";
import { createReadyCase } from "./helpers/outbox-helpers";
import { purgeDatashares } from "@/lib/retention/purge-datashares";
import type { Database } from "@/lib/db/open-database";

let db: Database;
let drop: () => Promise<void>;

before(async () => {
  ({ db, drop } = await createTestDatabase("outbox_ret"));
});
after(async () => drop?.());

const DAY = 24 * 60 * 60 * 1000;

async function caseWithShares(state: "ANSWERED" | "DECIDED" | "READY", answeredAt: Date | null) {
  const k = await createReadyCase(db.prisma, "ADJUDICATION", 1);
  await db.prisma.case.update({ where: { id: k.id }, data: { state, answeredAt, profiledAt: answeredAt } });
  const cand = await db.prisma.candidate.findFirstOrThrow({ where: { caseId: k.id } });
  for (const candidateId of [null, cand.id]) {
    const body = Buffer.from(`encrypted share of ${candidateId ?? "applicant"} ${k.id}`);
    await db.prisma.datashareDownload.create({
      data: {
        caseId: k.id,
        candidateId,
        sourceIndex: 0,
        url: "http://ds/x",
        state: "STORED",
        body,
        bodySize: body.length,
        bodySha256: createHash("sha256").update(body).digest("hex"),
        storedAt: answeredAt ?? new Date(),
      },
    });
  }
  return k;
}

test("bodies of cases answered more than the retention period ago are purged; hashes and cases stay", async () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const old = await caseWithShares("ANSWERED", new Date(now.getTime() - 8 * DAY));
  const exactly = await caseWithShares("ANSWERED", new Date(now.getTime() - 7 * DAY));
  const recent = await caseWithShares("ANSWERED", new Date(now.getTime() - 6 * DAY));
  const decided = await caseWithShares("DECIDED", null);
  const open = await caseWithShares("READY", null);
  const unprofiled = await caseWithShares("ANSWERED", new Date(now.getTime() - 30 * DAY));
  await db.prisma.case.update({ where: { id: unprofiled.id }, data: { profiledAt: null } });

  const r = await purgeDatashares(db.prisma, { retentionDays: 7, now, batchSize: 1 });
  assert.deepEqual(r, { cases: 2, downloads: 4 });

  for (const k of [old, exactly]) {
    const rows = await db.prisma.datashareDownload.findMany({ where: { caseId: k.id } });
    assert.ok(rows.every((d) => d.body === null && d.purgedAt?.getTime() === now.getTime() && d.bodySha256?.length === 64 && d.bodySize));
    assert.equal((await db.prisma.case.findUniqueOrThrow({ where: { id: k.id } })).state, "ANSWERED");
    assert.equal(await db.prisma.auditEvent.count({ where: { action: "case.datashares_purged", targetId: k.id } }), 1);
  }
  // The anonymous profile is taken from the data first, however late the sweep is.
  for (const k of [recent, decided, open, unprofiled]) {
    const rows = await db.prisma.datashareDownload.findMany({ where: { caseId: k.id } });
    assert.ok(
      rows.every((d) => d.body !== null && d.purgedAt === null),
      `case ${k.id} kept its bodies`,
    );
  }

  // A second sweep finds nothing new; a day later the recent case goes too.
  assert.deepEqual(await purgeDatashares(db.prisma, { retentionDays: 7, now }), { cases: 0, downloads: 0 });
  assert.deepEqual(await purgeDatashares(db.prisma, { retentionDays: 7, now: new Date(now.getTime() + DAY) }), { cases: 1, downloads: 2 });
  await assert.rejects(purgeDatashares(db.prisma, { retentionDays: 0, now }), /above 0/);
});
