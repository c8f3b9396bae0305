// The response half of the MOSIP bridge against a real ActiveMQ and real PostgreSQL: every kind of final
// decision, recorded as the workbench records it, reaches the right queue as the configured JMS type, and
// what MOSIP's Java client receives passes the contract checks field by field. Superseded cases are never
// answered; two racing final decisions make one outbox row.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startActiveMq, type ActiveMqBroker } from "../../scripts/lib/activemq.mjs";
import { createTestDatabase } from "./helpers/test-database";
import { adjudicationRequest, intakeOptions, queueEnv, waitFor } from "./helpers/bridge-helpers";
import { ADMIN, buildResponse, createReadyCase, decide, startTestPublisher, withQueues, type ReadyCase } from "./helpers/outbox-helpers";
import { receiveJms, type ReceivedJms } from "./java/recv-jms";
import type { MosipEnv } from "@/lib/env/env-schema";
import { validateAdjudicationResponse, validateVerificationResponse } from "@/lib/mosip/adjudication-response";
import { receiveRequest } from "@/lib/intake/receive-request";
import { DomainError } from "@/lib/errors/domain-error";
import type { ResponsePublisher } from "@/lib/outbox/start-response-publisher";
import type { Database } from "@/lib/db/open-database";

let broker: ActiveMqBroker;
let workDir: string;
let db: Database;
let drop: () => Promise<void>;
let env: MosipEnv;
let publisher: ResponsePublisher;
const logs: string[] = [];

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), "mas-outbox-"));
  [broker, { db, drop }] = await Promise.all([startActiveMq(workDir), createTestDatabase("outbox_resp")]);
  // A reject value other than the default, to see that the configured one is what MOSIP gets.
  env = queueEnv({ MOSIP_QUEUE_URL: broker.stompUrl, MOSIP_VERIFICATION_REJECT_VALUE: "4" });
  publisher = startTestPublisher(db.prisma, env, logs);
  await waitFor("publisher connected", async () => publisher.status().connected);
});

after(async () => {
  await publisher?.stop();
  await broker?.stop();
  await drop?.();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function answered(kase: ReadyCase) {
  publisher.kick();
  return waitFor(`case ${kase.id} answered`, async () => {
    const c = await db.prisma.case.findUniqueOrThrow({ where: { id: kase.id }, include: { outbox: true } });
    return c.state === "ANSWERED" ? c : null;
  });
}

function byRequestId(messages: ReceivedJms[]): Map<string, ReceivedJms[]> {
  const m = new Map<string, ReceivedJms[]>();
  for (const msg of messages) {
    const id = (JSON.parse(msg.body) as { requestId: string }).requestId;
    m.set(id, [...(m.get(id) ?? []), msg]);
  }
  return m;
}

test("every kind of decision arrives on its queue as a TextMessage that passes the contract checks", async () => {
  const mosip = withQueues(env, "kinds");
  const notDup = await createReadyCase(db.prisma, "ADJUDICATION");
  const dup = await createReadyCase(db.prisma, "ADJUDICATION");
  const cannot = await createReadyCase(db.prisma, "ADJUDICATION");
  const approve = await createReadyCase(db.prisma, "VERIFICATION");
  const resend = await createReadyCase(db.prisma, "VERIFICATION");
  const reject = await createReadyCase(db.prisma, "VERIFICATION");

  const responses = new Map([
    [notDup, buildResponse(notDup, { candidates: notDup.gallery.map((g) => ({ referenceId: g.referenceId, duplicate: false })) }, mosip)],
    [
      dup,
      buildResponse(
        dup,
        {
          candidates: [
            {
              referenceId: dup.gallery[0].referenceId,
              duplicate: true,
              modalities: { face: true, fingers: ["RIGHT_THUMB", "LEFT_INDEX"], irises: ["LEFT"] },
            },
            { referenceId: dup.gallery[1].referenceId, duplicate: false },
            { referenceId: dup.gallery[2].referenceId, duplicate: true, modalities: { fingers: ["RIGHT_INDEX"] } },
          ],
        },
        mosip,
      ),
    ],
    [cannot, buildResponse(cannot, { cannotAdjudicate: true, comment: "images unreadable" }, mosip, { secondary: null })],
    [approve, buildResponse(approve, { approve: true }, mosip)],
    [resend, buildResponse(resend, { cannotAdjudicate: true, comment: "blurred" }, mosip)],
    [reject, buildResponse(reject, { approve: false }, mosip)],
  ]);
  for (const [kase, response] of responses) await decide(db.prisma, kase, response, mosip);
  for (const kase of responses.keys()) {
    const c = await answered(kase);
    assert.equal(c.outbox?.state, "SENT");
    assert.ok(c.answeredAt && c.outbox?.sentAt, "answeredAt and sentAt recorded");
  }

  const adj = byRequestId(await receiveJms({ openwireUrl: broker.openwireUrl, queue: mosip.queues.adjudicationResponse }));
  const ver = byRequestId(await receiveJms({ openwireUrl: broker.openwireUrl, queue: mosip.queues.verificationResponse }));
  assert.equal(adj.size, 3);
  assert.equal(ver.size, 3);
  for (const [kase, response] of responses) {
    const got = (kase.kind === "ADJUDICATION" ? adj : ver).get(kase.requestId);
    assert.equal(got?.length, 1, `exactly one response for ${kase.requestId}`);
    const [m] = got!;
    assert.equal(m.type, "TextMessage");
    assert.equal(m.correlationId, kase.requestId);
    assert.equal(m.duplicateId, kase.requestId, "_AMQ_DUPL_ID travels as a property");
    assert.equal(m.body, JSON.stringify(response), "the body is the recorded response, byte for byte");
    const body = JSON.parse(m.body);
    const violations =
      kase.kind === "ADJUDICATION"
        ? validateAdjudicationResponse(body, { requestId: kase.requestId, gallery: kase.gallery })
        : validateVerificationResponse(body, { requestId: kase.requestId });
    assert.deepEqual(violations, []);
    assert.match(body.responsetime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  }

  const b = (k: ReadyCase) => JSON.parse(adj.get(k.requestId)?.[0].body ?? ver.get(k.requestId)![0].body);
  // Not a duplicate: approve = returnValue 1, empty list, count 0 (pitfall 3 and 4).
  assert.deepEqual(b(notDup), {
    id: "mosip.manual.adjudication.adjudicate",
    requestId: notDup.requestId,
    responsetime: b(notDup).responsetime,
    returnValue: 1,
    candidateList: {
      count: 0,
      candidates: [],
      analytics: {
        primaryOperatorID: "op.one",
        primaryOperatorComments: "looked at all modalities",
        secondaryOperatorID: "op.two",
        secondaryOperatorComments: "agree",
      },
    },
  });
  // Duplicates: the confirmed gallery RIDs, count = their number, modalities per candidate, JSON numbers.
  const d = b(dup);
  assert.equal(d.returnValue, 1);
  assert.equal(d.candidateList.count, 2);
  assert.deepEqual(
    d.candidateList.candidates.map((c: { referenceId: string }) => c.referenceId),
    [dup.gallery[0].referenceId, dup.gallery[2].referenceId],
  );
  assert.deepEqual(d.candidateList.candidates[0].analytics, {
    primaryOperatorID: "op.one",
    primaryOperatorComments: "looked at all modalities",
    secondaryOperatorID: "op.two",
    secondaryOperatorComments: "agree",
    Face: "F",
    Finger: "Right_Thumb,Left_Index",
    Iris: "Left_Iris",
  });
  assert.equal(d.candidateList.candidates[1].analytics.Finger, "Right_Index");
  // Cannot adjudicate: returnValue 2, an empty list anyway.
  const cn = b(cannot);
  assert.equal(cn.returnValue, 2);
  assert.equal(cn.candidateList.count, 0);
  assert.equal(cn.candidateList.analytics.reason, "images unreadable");
  // Verification: four fields only; 1 approve, 2 resend, the configured 4 rejects.
  for (const [k, rv] of [
    [approve, 1],
    [resend, 2],
    [reject, 4],
  ] as const) {
    assert.deepEqual(Object.keys(b(k)), ["id", "requestId", "responsetime", "returnValue"]);
    assert.equal(b(k).returnValue, rv);
    assert.equal(b(k).id, "mosip.verification.adjudicate");
  }
  const audit = await db.prisma.auditEvent.findMany({
    where: { action: "case.answered", targetId: { in: [...responses.keys()].map((k) => k.id) } },
  });
  assert.equal(audit.length, 6);
});

test("bytes format: a BytesMessage holding the UTF-8 JSON (non-ASCII comments intact)", async () => {
  const mosip = withQueues(env, "bytes", "bytes");
  const a = await createReadyCase(db.prisma, "ADJUDICATION");
  const v = await createReadyCase(db.prisma, "VERIFICATION");
  const ra = buildResponse(a, { candidates: a.gallery.map((g) => ({ referenceId: g.referenceId, duplicate: false })) }, mosip, {
    primary: { username: "op.one", comment: "صورة واضحة — ok" },
  });
  const rv = buildResponse(v, { approve: true }, mosip);
  await decide(db.prisma, a, ra, mosip);
  await decide(db.prisma, v, rv, mosip);
  assert.equal((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { caseId: a.id } })).format, "BYTES");
  await answered(a);
  await answered(v);
  const [ma] = await receiveJms({ openwireUrl: broker.openwireUrl, queue: mosip.queues.adjudicationResponse });
  const [mv] = await receiveJms({ openwireUrl: broker.openwireUrl, queue: mosip.queues.verificationResponse });
  assert.equal(ma.type, "BytesMessage");
  assert.equal(mv.type, "BytesMessage");
  assert.equal(ma.body, JSON.stringify(ra));
  assert.equal(JSON.parse(ma.body).candidateList.analytics.primaryOperatorComments, "صورة واضحة — ok");
  assert.equal(mv.body, JSON.stringify(rv));
  assert.deepEqual(validateAdjudicationResponse(JSON.parse(ma.body), { requestId: a.requestId, gallery: a.gallery }), []);
});

test("a superseded case is never answered, even when a decision raced the supersede", async () => {
  const mosip = withQueues(env, "superseded");
  const old = await createReadyCase(db.prisma, "ADJUDICATION", 1);
  // MOSIP re-sends for the same RID with a new requestId: intake supersedes the open case.
  const newer = adjudicationRequest({
    referenceId: old.referenceId,
    gallery: [{ referenceId: old.gallery[0].referenceId, referenceURL: "http://127.0.0.1:9/g" }],
  });
  const r = await receiveRequest(
    db.prisma,
    { destination: env.queues.adjudicationRequest, headers: {}, body: new TextEncoder().encode(JSON.stringify(newer)) },
    intakeOptions([], { maxBytes: env.maxRequestBytes }),
  );
  assert.equal(r.outcome, "created");
  assert.equal((await db.prisma.case.findUniqueOrThrow({ where: { id: old.id } })).state, "SUPERSEDED");
  await assert.rejects(
    decide(
      db.prisma,
      old,
      buildResponse(old, { candidates: [{ referenceId: old.gallery[0].referenceId, duplicate: false }] }, mosip),
      mosip,
    ),
    (e: unknown) => e instanceof DomainError && e.code === "conflict",
  );

  // The race: a decision committed, then the supersede overwrote the case's state before the publisher ran.
  const raced = await createReadyCase(db.prisma, "ADJUDICATION", 1);
  await db.prisma.$transaction(async (tx) => {
    const { recordFinalDecision } = await import("@/lib/cases/record-final-decision");
    await recordFinalDecision(tx, {
      caseId: raced.id,
      response: buildResponse(raced, { candidates: [{ referenceId: raced.gallery[0].referenceId, duplicate: false }] }, mosip),
      mosip,
      actor: ADMIN,
    });
    await tx.case.update({ where: { id: raced.id }, data: { state: "SUPERSEDED" } });
  });
  publisher.kick();
  const row = await waitFor("raced row failed", async () => {
    const o = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { caseId: raced.id } });
    return o.state === "FAILED" ? o : null;
  });
  assert.match(row.lastError ?? "", /superseded/);
  assert.equal(row.attempts, 0, "never handed to the broker");

  // A live case decided afterwards goes out, so the queue is known to be flowing when we read it.
  const live = await createReadyCase(db.prisma, "ADJUDICATION", 1);
  await decide(
    db.prisma,
    live,
    buildResponse(live, { candidates: [{ referenceId: live.gallery[0].referenceId, duplicate: false }] }, mosip),
    mosip,
  );
  await answered(live);
  const got = byRequestId(await receiveJms({ openwireUrl: broker.openwireUrl, queue: mosip.queues.adjudicationResponse }));
  assert.deepEqual([...got.keys()], [live.requestId]);
  assert.ok(!got.has(old.requestId) && !got.has(raced.requestId));
});

test("two concurrent final decisions for one case: one outbox row, the other gets 409", async () => {
  const mosip = withQueues(env, "race");
  const kase = await createReadyCase(db.prisma, "ADJUDICATION");
  const a = buildResponse(kase, { candidates: kase.gallery.map((g) => ({ referenceId: g.referenceId, duplicate: false })) }, mosip);
  const b = buildResponse(kase, { cannotAdjudicate: true, comment: "other operator" }, mosip);
  const results = await Promise.allSettled([decide(db.prisma, kase, a, mosip), decide(db.prisma, kase, b, mosip)]);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
  assert.ok(failed.reason instanceof DomainError && failed.reason.code === "conflict", `conflict, got ${failed.reason}`);
  assert.equal(await db.prisma.outboxMessage.count({ where: { caseId: kase.id } }), 1);
  await answered(kase);
  const got = await receiveJms({ openwireUrl: broker.openwireUrl, queue: mosip.queues.adjudicationResponse });
  assert.equal(got.length, 1);
});
