// Intake against real PostgreSQL: one transaction per message, idempotent per requestId, superseding
// per RID, and every bad message kept with its reason.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createTestDatabase } from "./helpers/test-database";
import { adjudicationRequest, CLOSED_DATASHARE_ORIGIN, intakeOptions, ltsUrl, rid, verificationRequest } from "./helpers/bridge-helpers";
import { receiveRequest, type IncomingMessage } from "@/lib/intake/receive-request";
import type { Database } from "@/lib/db/open-database";
import { getCaseView } from "@/lib/cases/get-case-view";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { seedUser } from "./helpers/seed-cases";

let db: Database;
let drop: () => Promise<void>;
const opts = intakeOptions([CLOSED_DATASHARE_ORIGIN, "http://ds"], { maxBytes: 64 * 1024 });

before(async () => {
  ({ db, drop } = await createTestDatabase("bridge_rr"));
});
after(async () => {
  await drop();
});

function msg(body: unknown, headers: Record<string, string> = {}, destination = "mosip-to-adjudication"): IncomingMessage {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return { destination, headers: { "message-id": `ID:test-${randomUUID()}`, ...headers }, body: new TextEncoder().encode(text) };
}

describe("a valid request", () => {
  test("becomes a case with candidates and one download per source; a null gallery URL is 'data unavailable'", async () => {
    const req = adjudicationRequest({
      referenceURL: ltsUrl("http://ds/a/packet", "http://ds/a/idrepo"),
      gallery: [
        { referenceId: rid(), referenceURL: "http://ds/g0" },
        { referenceId: rid(), referenceURL: null },
        { referenceId: rid(), referenceURL: [{ source: "packet", status: "PROCESSING", URL: "http://ds/g2" }] },
      ],
    });
    const r = await receiveRequest(db.prisma, msg(req, { "content-length": "10" }), opts);
    assert.equal(r.outcome, "created");
    if (r.outcome !== "created") return;
    assert.equal(r.downloadCount, 4);

    const c = await db.prisma.case.findUniqueOrThrow({
      where: { id: r.caseId },
      include: { candidates: { orderBy: { position: "asc" } }, downloads: true, inboxMessage: true },
    });
    assert.equal(c.state, "FETCHING");
    assert.equal(c.kind, "ADJUDICATION");
    assert.equal(c.referenceId, req.referenceId);
    assert.equal(c.requestFormat, "BYTES");
    assert.equal(c.candidateCount, 3);
    assert.deepEqual(
      c.candidates.map((x) => x.dataStatus),
      ["PENDING", "UNAVAILABLE", "PENDING"],
    );
    const applicant = c.downloads.filter((d) => d.candidateId === null).sort((a, b) => a.sourceIndex - b.sourceIndex);
    assert.deepEqual(
      applicant.map((d) => [d.source, d.url, d.state]),
      [
        ["packet", "http://ds/a/packet", "PENDING"],
        ["idrepo", "http://ds/a/idrepo", "PENDING"],
      ],
    );
    assert.equal(c.inboxMessage?.outcome, "CREATED");
    assert.equal(Buffer.from(c.inboxMessage!.body!).toString("utf8"), JSON.stringify(req));

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "case.received", targetId: r.caseId } });
    const details = JSON.stringify(audit.details);
    assert.ok(!details.includes(String(req.referenceId)), "no RID in the audit row");
    assert.ok(!details.includes("http://"), "no URL in the audit row");
  });

  test("a verification request has no candidates", async () => {
    const r = await receiveRequest(db.prisma, msg(verificationRequest({}), {}, "mosip-to-verification"), opts);
    assert.equal(r.outcome, "created");
    const c = await db.prisma.case.findUniqueOrThrow({ where: { id: (r as { caseId: string }).caseId }, include: { downloads: true } });
    assert.equal(c.kind, "VERIFICATION");
    assert.equal(c.candidateCount, 0);
    assert.equal(c.requestFormat, "TEXT");
    assert.equal(c.downloads.length, 1);
  });

  test("no applicant URL: the case is DATA_UNAVAILABLE with a code, not an error", async () => {
    const r = await receiveRequest(db.prisma, msg(adjudicationRequest({ referenceURL: null })), opts);
    const c = await db.prisma.case.findUniqueOrThrow({ where: { id: (r as { caseId: string }).caseId } });
    assert.equal(c.state, "DATA_UNAVAILABLE");
    assert.equal(c.dataErrorCode, "NO_APPLICANT_URL");
    assert.equal(c.applicantDataStatus, "UNAVAILABLE");
  });

  test("the JMS expiry becomes the deadline when it is earlier than requesttime + window", async () => {
    const requesttime = new Date(Date.now() - 60_000);
    const expires = Date.now() + 10 * 60_000;
    const r = await receiveRequest(
      db.prisma,
      msg(adjudicationRequest({ requesttime: requesttime.toISOString() }), { expires: String(expires) }),
      opts,
    );
    const c = await db.prisma.case.findUniqueOrThrow({ where: { id: (r as { caseId: string }).caseId } });
    assert.equal(c.expiresAt?.getTime(), expires);
    assert.equal(c.deadlineAt?.getTime(), expires);
    assert.equal(c.requestTime?.getTime(), requesttime.getTime());

    const r2 = await receiveRequest(db.prisma, msg(adjudicationRequest({ requesttime: requesttime.toISOString() })), opts);
    const c2 = await db.prisma.case.findUniqueOrThrow({ where: { id: (r2 as { caseId: string }).caseId } });
    assert.equal(c2.expiresAt, null);
    assert.equal(c2.deadlineAt?.getTime(), requesttime.getTime() + 90 * 60_000);
  });
});

describe("idempotency", () => {
  test("the same requestId twice makes one case; the second is recorded as a duplicate", async () => {
    const req = adjudicationRequest({});
    const a = await receiveRequest(db.prisma, msg(req), opts);
    const b = await receiveRequest(db.prisma, msg(req, { redelivered: "true" }), opts);
    assert.equal(a.outcome, "created");
    assert.equal(b.outcome, "duplicate");
    assert.equal((b as { caseId: string }).caseId, (a as { caseId: string }).caseId);
    assert.equal(await db.prisma.case.count({ where: { requestId: req.requestId as string } }), 1);
    const inbox = await db.prisma.inboxMessage.findMany({ where: { requestId: req.requestId as string }, orderBy: { id: "asc" } });
    assert.deepEqual(
      inbox.map((i) => [i.outcome, i.redelivered]),
      [
        ["CREATED", false],
        ["DUPLICATE", true],
      ],
    );
  });

  test("under concurrency too: eight parallel deliveries of one request, one case", async () => {
    const req = adjudicationRequest({ gallery: [{ referenceId: rid(), referenceURL: "http://ds/x" }] });
    const results = await Promise.all(Array.from({ length: 8 }, () => receiveRequest(db.prisma, msg(req), opts)));
    assert.equal(results.filter((r) => r.outcome === "created").length, 1);
    assert.equal(results.filter((r) => r.outcome === "duplicate").length, 7);
    assert.equal(await db.prisma.case.count({ where: { requestId: req.requestId as string } }), 1);
    assert.equal(await db.prisma.candidate.count({ where: { case: { requestId: req.requestId as string } } }), 1);
  });

  test("a new request for an open RID supersedes the old case, which is never to be answered", async () => {
    const referenceId = rid();
    const first = await receiveRequest(db.prisma, msg(adjudicationRequest({ referenceId })), opts);
    const second = await receiveRequest(db.prisma, msg(adjudicationRequest({ referenceId })), opts);
    assert.equal(second.outcome, "created");
    const oldId = (first as { caseId: string }).caseId;
    const newId = (second as { caseId: string }).caseId;
    assert.deepEqual((second as { supersededCaseIds: string[] }).supersededCaseIds, [oldId]);
    const old = await db.prisma.case.findUniqueOrThrow({ where: { id: oldId }, include: { downloads: true } });
    assert.equal(old.state, "SUPERSEDED");
    assert.equal(old.supersededById, newId);
    assert.ok(old.downloads.every((d) => d.state === "CANCELLED"));
    assert.ok(await db.prisma.auditEvent.findFirst({ where: { action: "case.superseded", targetId: oldId } }));

    // A case already answered is history, not superseded.
    await db.prisma.case.update({ where: { id: newId }, data: { state: "ANSWERED" } });
    const third = await receiveRequest(db.prisma, msg(adjudicationRequest({ referenceId })), opts);
    assert.deepEqual((third as { supersededCaseIds: string[] }).supersededCaseIds, []);
    assert.equal((await db.prisma.case.findUniqueOrThrow({ where: { id: newId } })).state, "ANSWERED");
  });

  test("MOSIP's clock: the deadline follows the re-send; a re-sent request shows the one it replaced and how long that waited", async () => {
    const referenceId = rid();
    const t0 = new Date("2026-12-02T10:00:00.000Z");
    const withClock = { ...opts, reprocessSeconds: 900 };
    const first = await receiveRequest(
      db.prisma,
      msg(adjudicationRequest({ referenceId, requesttime: t0.toISOString() }), { expires: String(t0.getTime() + 5400_000) }),
      { ...withClock, now: () => new Date(t0.getTime() + 2_000) },
    );
    const oldId = (first as { caseId: string }).caseId;
    const old = await db.prisma.case.findUniqueOrThrow({ where: { id: oldId } });
    assert.equal(
      old.deadlineAt?.toISOString(),
      "2026-12-02T10:15:00.000Z",
      "MOSIP re-sends at requesttime + 900 s, long before the 90-minute TTL",
    );

    // MOSIP's reprocessor re-sends 17 minutes later under a new requestId.
    const resentAt = new Date(t0.getTime() + 17 * 60_000);
    const second = await receiveRequest(
      db.prisma,
      msg(
        adjudicationRequest({
          referenceId,
          requesttime: resentAt.toISOString(),
          gallery: [{ referenceId: rid(), referenceURL: "http://ds/g" }],
        }),
      ),
      { ...withClock, now: () => resentAt },
    );
    const newId = (second as { caseId: string }).caseId;
    await seedRolePermissions(db.prisma);
    const supervisor = await seedUser(db.prisma, ["SUPERVISOR"]);
    const view = await getCaseView(db.prisma, supervisor, newId);
    assert.deepEqual(view.supersedes, [{ requestId: old.requestId, receivedAt: old.receivedAt.toISOString(), waitedMinutes: 17 }]);
    assert.equal(view.clock.resendAt, "2026-12-02T10:32:00.000Z");
    assert.equal(
      view.clock.sharesExpireAt,
      "2026-12-02T10:47:00.000Z",
      "shares still to download run out after MOSIP's 30-minute validity",
    );
    assert.equal(view.clock.messageExpiresAt, null, "no expires header, no message expiry");
  });

  test("concurrent new requests for one RID leave exactly one open case", async () => {
    const referenceId = rid();
    await Promise.all(Array.from({ length: 6 }, () => receiveRequest(db.prisma, msg(adjudicationRequest({ referenceId })), opts)));
    const states = (await db.prisma.case.findMany({ where: { referenceId } })).map((c) => c.state).sort();
    assert.deepEqual(states, ["FETCHING", "SUPERSEDED", "SUPERSEDED", "SUPERSEDED", "SUPERSEDED", "SUPERSEDED"]);
  });
});

describe("bad messages are kept with their reason, never dropped", () => {
  const cases: [string, string | (() => string), string, RegExp][] = [
    ["not JSON", "{this is not json", "NOT_JSON", /not valid JSON/],
    ["unknown id", JSON.stringify({ ...adjudicationRequest({}), id: "mosip.something.else" }), "UNKNOWN_ID", /id: expected/],
    [
      "missing field",
      () => {
        const r = adjudicationRequest({});
        delete r.referenceId;
        return JSON.stringify(r);
      },
      "MISSING_FIELD",
      /referenceId: required/,
    ],
    [
      "wrong type",
      JSON.stringify({ ...adjudicationRequest({}), gallery: { referenceIds: [{ referenceId: 42, referenceURL: null }] } }),
      "WRONG_TYPE",
      /gallery\.referenceIds\[0\]\.referenceId: expected string, got number/,
    ],
    ["oversize", JSON.stringify({ ...adjudicationRequest({}), padding: "x".repeat(70 * 1024) }), "OVERSIZE", /exceeds the limit/],
    ["NUL in the requestId", JSON.stringify(adjudicationRequest({ requestId: "abc\u0000def" })), "INVALID_VALUE", /NUL/],
  ];
  for (const [name, body, code, reason] of cases) {
    test(name, async () => {
      const text = typeof body === "function" ? body() : body;
      const r = await receiveRequest(db.prisma, msg(text), opts);
      assert.equal(r.outcome, "rejected");
      if (r.outcome !== "rejected") return;
      assert.equal(r.code, code);
      assert.match(r.reason, reason);
      const row = await db.prisma.inboxMessage.findUniqueOrThrow({ where: { id: r.inboxId } });
      assert.equal(row.outcome, "REJECTED");
      assert.equal(row.errorCode, code);
      assert.match(row.errorReason ?? "", reason);
      assert.equal(row.bodySize, Buffer.byteLength(text));
      assert.equal(row.bodyTruncated, code === "OVERSIZE");
      if (code !== "OVERSIZE") assert.equal(Buffer.from(row.body!).toString("utf8"), text);
      else assert.equal(row.body!.length, opts.maxBytes);
    });
  }
});
