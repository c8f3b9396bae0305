// The admin integration operations on real PostgreSQL: answering MOSIP "resend" for a case whose data is
// unavailable goes through the outbox like any decision; intake errors are listed with URLs masked.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase } from "./helpers/test-database";
import { adjudicationRequest, intakeOptions, ltsUrl } from "./helpers/bridge-helpers";
import { ADMIN, createReadyCase } from "./helpers/outbox-helpers";
import { parseEnv } from "@/lib/env/env-schema";
import { answerResend } from "@/lib/cases/answer-resend";
import { listDatashareFailures, listInbox, listIntakeErrors } from "@/lib/integration/list-integration";
import { validateAdjudicationResponse, validateVerificationResponse } from "@/lib/mosip/adjudication-response";
import { receiveRequest } from "@/lib/intake/receive-request";
import { DomainError } from "@/lib/errors/domain-error";
import type { Database } from "@/lib/db/open-database";

let db: Database;
let drop: () => Promise<void>;
const env = parseEnv({}).mosip;

before(async () => {
  ({ db, drop } = await createTestDatabase("outbox_admin"));
});
after(async () => drop?.());

test("answer MOSIP 'resend' for a DATA_UNAVAILABLE case: returnValue 2 queued, case DECIDED, audited; refused in other states", async () => {
  const adj = await createReadyCase(db.prisma, "ADJUDICATION");
  const ver = await createReadyCase(db.prisma, "VERIFICATION");
  await db.prisma.case.updateMany({
    where: { id: { in: [adj.id, ver.id] } },
    data: { state: "DATA_UNAVAILABLE", dataErrorCode: "DAT-SER-006" },
  });
  const failures = await listDatashareFailures(db.prisma);
  assert.deepEqual(
    failures.map((f) => f.dataErrorCode),
    ["DAT-SER-006", "DAT-SER-006"],
  );

  await answerResend(db.prisma, adj.id, env, ADMIN);
  await answerResend(db.prisma, ver.id, env, ADMIN);
  const oa = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { caseId: adj.id } });
  const ov = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { caseId: ver.id } });
  assert.equal(oa.destination, "adjudication-to-mosip");
  assert.equal(ov.destination, "verification-to-mosip");
  const ba = JSON.parse(oa.body!);
  assert.equal(ba.returnValue, 2);
  assert.match(ba.candidateList.analytics.reason, /DAT-SER-006/);
  assert.deepEqual(validateAdjudicationResponse(ba, { requestId: adj.requestId, gallery: adj.gallery }), []);
  assert.equal(JSON.parse(ov.body!).returnValue, 2);
  assert.deepEqual(validateVerificationResponse(JSON.parse(ov.body!), { requestId: ver.requestId }), []);
  assert.equal((await db.prisma.case.findUniqueOrThrow({ where: { id: adj.id } })).state, "DECIDED");
  const actions = (await db.prisma.auditEvent.findMany({ where: { targetId: adj.id }, orderBy: { id: "asc" } })).map((a) => a.action);
  assert.deepEqual(actions, ["case.decided", "integration.answered_resend"]);
  await assert.rejects(answerResend(db.prisma, adj.id, env, ADMIN), (e: unknown) => e instanceof DomainError && e.code === "conflict");
  assert.equal((await listDatashareFailures(db.prisma)).length, 0);
});

test("intake errors list the code, reason and raw body with every datashare URL's key masked", async () => {
  const bad: Record<string, unknown> = {
    ...adjudicationRequest({ referenceURL: ltsUrl("http://ds.example/v1/datashare/get/p/s/SECRETKEY1") }),
    id: "mosip.unknown",
  };
  const r = await receiveRequest(
    db.prisma,
    { destination: env.queues.adjudicationRequest, headers: {}, body: new TextEncoder().encode(JSON.stringify(bad)) },
    intakeOptions([], { maxBytes: env.maxRequestBytes }),
  );
  assert.equal(r.outcome, "rejected");
  const { errors } = await listIntakeErrors(db.prisma, { limit: 50 });
  const e = errors.find((x) => x.requestId === bad.requestId)!;
  assert.equal(e.errorCode, "UNKNOWN_ID");
  assert.ok(e.errorReason);
  assert.ok(!e.body!.includes("SECRETKEY1"), "the share key never leaves the server");
  assert.ok(e.body!.includes("ds.example/v1/datashare/get/p/s/•••"));
  const { messages } = await listInbox(db.prisma, { limit: 50 });
  assert.equal(messages[0].outcome, "REJECTED");
  assert.ok(!JSON.stringify(messages).includes("SECRETKEY1"));
});

test("embedded default: the publisher delivers to the in-process simulator; a throwing delivery is UNCERTAIN, not retried", async () => {
  const { connectInProcessSender } = await import("@/lib/outbox/connect-in-process-sender");
  const { startOutboxPublisher } = await import("@/lib/outbox/publish-outbox");
  const { buildResponse, decide } = await import("./helpers/outbox-helpers");
  const delivered: { queue: string; body: string }[] = [];
  let fail = false;
  const sender = connectInProcessSender((queue, body) => {
    if (fail) throw new Error("simulator crashed");
    delivered.push({ queue, body });
  });
  const publisher = startOutboxPublisher(db.prisma, sender, { staleSendingMs: 60_000, pollMs: 50 });
  try {
    const ok = await createReadyCase(db.prisma, "VERIFICATION");
    await decide(db.prisma, ok, buildResponse(ok, { approve: true }, env), env);
    publisher.kick();
    const { waitFor } = await import("./helpers/bridge-helpers");
    await waitFor("answered", async () => (await db.prisma.case.findUniqueOrThrow({ where: { id: ok.id } })).state === "ANSWERED");
    // The two "resend" answers queued by the first test go out too; this case's answer exactly once.
    assert.deepEqual(
      delivered.filter((d) => JSON.parse(d.body).requestId === ok.requestId).map((d) => d.queue),
      ["verification-to-mosip"],
    );
    assert.equal(delivered.length, 3);

    fail = true;
    const bad = await createReadyCase(db.prisma, "VERIFICATION");
    await decide(db.prisma, bad, buildResponse(bad, { approve: false }, env), env);
    publisher.kick();
    await waitFor(
      "uncertain",
      async () => (await db.prisma.outboxMessage.findUniqueOrThrow({ where: { caseId: bad.id } })).state === "UNCERTAIN",
    );
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { caseId: bad.id } })).attempts, 1);
  } finally {
    await publisher.stop();
  }
});
