// Every kind of personal data has its own retention period (docs/configuration.md, "Retention"). Time is moved
// by setting timestamps in the database: each row's personal data is gone after its period, not before, the
// purge is audited with counts only, and a second sweep (another instance) changes nothing.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase } from "./helpers/test-database";
import { intakeOptions } from "./helpers/bridge-helpers";
import { seedReadyCase, seedUser } from "./helpers/seed-cases";
import { purgeDatashares } from "@/lib/retention/purge-datashares";
import { purgeInboxBodies } from "@/lib/retention/purge-inbox-bodies";
import { purgeAnswerRecords } from "@/lib/retention/purge-answer-records";
import { runRetention } from "@/lib/retention/run-retention";
import { loadSubject } from "@/lib/cases/load-subject";
import { INTAKE_ERROR_BODY_BYTES, receiveRequest } from "@/lib/intake/receive-request";
import { parseEnv } from "@/lib/env/env-schema";

process.env.MAS_DATA_DIR ??= mkdtempSync(join(tmpdir(), "mas-retention-"));

const t = await createTestDatabase("retention");
const prisma = t.db.prisma;
after(() => t.drop());

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-06-10T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);

async function withShare(caseId: string) {
  await prisma.datashareDownload.create({
    data: {
      caseId,
      sourceIndex: 0,
      url: `http://ds/${caseId}`,
      state: "STORED",
      body: Buffer.from(`{"identity":{"fullName":"someone of ${caseId}"}}`) as Uint8Array<ArrayBuffer>,
      bodySha256: "a".repeat(64),
      bodySize: 10,
    },
  });
}

async function shareOf(caseId: string) {
  return prisma.datashareDownload.findFirstOrThrow({ where: { caseId } });
}

const purged = async (caseId: string) => {
  const d = await shareOf(caseId);
  return d.body === null && d.url === null && d.purgedAt !== null && d.bodySha256 !== null;
};

test("superseded cases: datashares purged a day after the newer request, and the case view says so", async () => {
  async function superseded(newerArrivedDaysAgo: number) {
    const newer = await seedReadyCase(prisma);
    await prisma.case.update({ where: { id: newer.id }, data: { receivedAt: ago(newerArrivedDaysAgo) } });
    const old = await seedReadyCase(prisma);
    await prisma.case.update({ where: { id: old.id }, data: { state: "SUPERSEDED", supersededById: newer.id } });
    await withShare(old.id);
    return old.id;
  }
  const gone = await superseded(1);
  const kept = await superseded(0.9);
  assert.deepEqual(await purgeDatashares(prisma, { kind: "superseded", retentionDays: 1, now }), { cases: 1, downloads: 1 });
  assert.ok(await purged(gone));
  assert.equal((await shareOf(kept)).body !== null && (await shareOf(kept)).url !== null, true, "not before its period");
  const view = await loadSubject(prisma, gone, "applicant");
  assert.equal(view.ok, false);
  assert.match(!view.ok ? view.reason : "", /purged by retention/);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case.datashares_purged", targetId: gone } });
  assert.deepEqual(audit.details, { downloads: 1, retention: "superseded", retentionDays: 1 });
  assert.deepEqual(await purgeDatashares(prisma, { kind: "superseded", retentionDays: 1, now }), { cases: 0, downloads: 0 });
});

test("cases left in DATA_UNAVAILABLE: what arrived (bodies) and the URLs go after their period", async () => {
  async function unavailable(sinceDaysAgo: number) {
    const c = await seedReadyCase(prisma);
    await withShare(c.id);
    await prisma.case.update({ where: { id: c.id }, data: { state: "DATA_UNAVAILABLE" } });
    await prisma.$executeRaw`UPDATE "Case" SET "updatedAt" = ${ago(sinceDaysAgo)} WHERE "id" = ${c.id}::uuid`;
    return c.id;
  }
  const gone = await unavailable(7);
  const kept = await unavailable(6);
  assert.deepEqual(await purgeDatashares(prisma, { kind: "dataUnavailable", retentionDays: 7, now }), { cases: 1, downloads: 1 });
  assert.ok(await purged(gone));
  assert.ok((await shareOf(kept)).body !== null);
});

test("decided cases whose answer FAILED or is UNCERTAIN: datashares go after their period; a pending answer keeps them", async () => {
  async function decided(outboxState: "FAILED" | "UNCERTAIN" | "PENDING", decidedDaysAgo: number) {
    const c = await seedReadyCase(prisma);
    await withShare(c.id);
    await prisma.case.update({ where: { id: c.id }, data: { state: "DECIDED", decidedAt: ago(decidedDaysAgo) } });
    await prisma.outboxMessage.create({
      data: { caseId: c.id, requestId: c.requestId, destination: "adjudication-to-mosip", format: "TEXT", body: "{}", state: outboxState },
    });
    return c.id;
  }
  const failed = await decided("FAILED", 30);
  const uncertain = await decided("UNCERTAIN", 31);
  const recent = await decided("FAILED", 29);
  const pending = await decided("PENDING", 60);
  assert.deepEqual(await purgeDatashares(prisma, { kind: "unsentAnswer", retentionDays: 30, now }), { cases: 2, downloads: 2 });
  assert.ok(await purged(failed));
  assert.ok(await purged(uncertain));
  for (const id of [recent, pending]) assert.ok((await shareOf(id)).body !== null);
  assert.equal(
    (await prisma.outboxMessage.findUniqueOrThrow({ where: { caseId: failed } })).body,
    "{}",
    "the answer can still be resolved",
  );
});

test("request bodies and intake-error bodies: each after its own period; intake errors are cut to 64 KiB when stored", async () => {
  const huge = new TextEncoder().encode(
    `{"id":"mosip.manual.adjudication.adjudicate","requestId":${JSON.stringify("x".repeat(100 * 1024))}`,
  );
  const rejected = await receiveRequest(prisma, { destination: "mosip-to-adjudication", headers: {}, body: huge }, intakeOptions());
  assert.equal(rejected.outcome, "rejected");
  const row = await prisma.inboxMessage.findUniqueOrThrow({ where: { id: rejected.inboxId } });
  assert.equal(row.body?.byteLength, INTAKE_ERROR_BODY_BYTES);
  assert.equal(row.bodyTruncated, true);
  assert.equal(row.bodySize, huge.byteLength);

  const mk = (outcome: "CREATED" | "REJECTED", daysAgo: number) =>
    prisma.inboxMessage.create({
      data: { destination: "q", format: "TEXT", body: Buffer.from("{}"), bodySize: 2, outcome, receivedAt: ago(daysAgo) },
    });
  const oldInbox = await mk("CREATED", 30);
  const newInbox = await mk("CREATED", 29);
  const oldError = await mk("REJECTED", 14);
  const newError = await mk("REJECTED", 13);
  assert.equal(await purgeInboxBodies(prisma, { kind: "inbox", retentionDays: 30, now }), 1);
  assert.equal(await purgeInboxBodies(prisma, { kind: "intakeErrors", retentionDays: 14, now }), 1);
  const body = async (id: bigint) => (await prisma.inboxMessage.findUniqueOrThrow({ where: { id } })).body;
  assert.equal(await body(oldInbox.id), null);
  assert.equal(await body(oldError.id), null);
  assert.notEqual(await body(newInbox.id), null);
  assert.notEqual(await body(newError.id), null);
  assert.notEqual(await body(rejected.inboxId), null, "received now");
  const audits = await prisma.auditEvent.findMany({ where: { action: "retention.inbox_bodies_purged" }, orderBy: { id: "asc" } });
  assert.deepEqual(
    audits.map((a) => a.details),
    [
      { kind: "inbox", messages: 1, retentionDays: 30 },
      { kind: "intakeErrors", messages: 1, retentionDays: 14 },
    ],
  );
  assert.equal(await purgeInboxBodies(prisma, { kind: "inbox", retentionDays: 30, now }), 0);
});

test("comments, sample-review notes and response bodies: gone after MOSIP's confirmation window; verdicts and states stay", async () => {
  const reviewer = await seedUser(prisma, ["OPERATOR"]);
  async function answered(daysAgo: number) {
    const c = await seedReadyCase(prisma);
    await prisma.case.update({
      where: { id: c.id },
      data: { state: "ANSWERED", decidedAt: ago(daysAgo), answeredAt: ago(daysAgo), profiledAt: ago(daysAgo) },
    });
    // As recordDecision stores it: the comment in its column and in the decision's body (the input as given).
    const comment = `same person as ${c.referenceId}`;
    await prisma.decision.create({
      data: { caseId: c.id, level: "PRIMARY", userId: reviewer.id, body: { candidates: [], comment }, comment },
    });
    await prisma.outboxMessage.create({
      data: {
        caseId: c.id,
        requestId: c.requestId,
        destination: "adjudication-to-mosip",
        format: "TEXT",
        body: JSON.stringify({ requestId: c.requestId, returnValue: 1, candidateList: { count: 0, candidates: [] } }),
        state: "SENT",
        sentAt: ago(daysAgo),
      },
    });
    await prisma.sampleReview.create({
      data: { caseId: c.id, reason: "RANDOM", outcome: "ERROR", wrongLevels: ["PRIMARY"], note: `missed ${c.referenceId}` },
    });
    return c.id;
  }
  const old = await answered(30);
  const recent = await answered(29);
  assert.deepEqual(await purgeAnswerRecords(prisma, { retentionDays: 30, now }), {
    cases: 1,
    comments: 1,
    reviewNotes: 1,
    outboxBodies: 1,
  });
  const o = await prisma.case.findUniqueOrThrow({ where: { id: old }, include: { decisions: true, outbox: true, sampleReview: true } });
  assert.equal(o.decisions[0].comment, null);
  assert.deepEqual([o.sampleReview?.note, o.sampleReview?.outcome], [null, "ERROR"]);
  assert.deepEqual(o.decisions[0].body, { candidates: [] });
  assert.equal(o.outbox?.body, null);
  assert.equal(o.outbox?.state, "SENT");
  const r = await prisma.case.findUniqueOrThrow({ where: { id: recent }, include: { decisions: true, outbox: true, sampleReview: true } });
  assert.notEqual(r.decisions[0].comment, null);
  assert.equal((r.decisions[0].body as { comment?: string }).comment, r.decisions[0].comment, "a recent decision keeps its comment");
  assert.notEqual(r.sampleReview?.note, null);
  assert.notEqual(r.outbox?.body, null);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "retention.answer_records_purged" } });
  assert.deepEqual(audit.details, { cases: 1, comments: 1, reviewNotes: 1, outboxBodies: 1, retentionDays: 30 });
  assert.ok(!JSON.stringify(audit.details).includes(o.referenceId));
});

test("the sweep runs every rule with the periods from the environment, and again finds nothing", async () => {
  const periods = parseEnv({}).retention;
  assert.deepEqual(periods, {
    answeredDays: 7,
    supersededDays: 1,
    dataUnavailableDays: 7,
    unsentAnswerDays: 30,
    inboxDays: 30,
    intakeErrorDays: 30,
    answerRecordDays: 30,
  });
  await runRetention(prisma, periods, new Date(now.getTime() + 400 * DAY));
  assert.deepEqual(await runRetention(prisma, periods, new Date(now.getTime() + 400 * DAY)), []);
});
