import "server-only";
import { intakeReason, metrics } from "@/lib/metrics/metrics";
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseAdjudicationRequest, type MosipRequest, type ReferenceSource } from "@/lib/mosip/adjudication-request";
import { readMessageMeta } from "@/lib/broker/read-message-meta";
import { OPEN_STATES } from "@/lib/cases/case-lifecycle";
import { isAllowedOrigin, originOf } from "@/lib/env/datashare-origins";
import { computeDeadline } from "./compute-deadline";
import { carryReviewProgress } from "./carry-review-progress";

// Turns one queue message into database rows, in one transaction, so that the bridge can ACK the
// message exactly when this resolves. Never loses a message: a request that cannot be understood is
// kept with its reason (an intake error), a request already seen is recorded as a duplicate.
// Throws only when the database fails; the caller must then leave the message un-acked.

export interface IncomingMessage {
  /** Bare queue name, e.g. mosip-to-adjudication. */
  destination: string;
  headers: Record<string, string | undefined>;
  body: Uint8Array;
}

export interface ReceiveOptions {
  maxBytes: number;
  /** Normal-form datashare origins (MOSIP_DATASHARE_ALLOWED_ORIGINS, plus the simulator's own when embedded). */
  allowedOrigins: readonly string[];
  deadlineWindowMinutes: number;
  /** MOSIP_REPROCESS_SECONDS: the deadline never lies past MOSIP's re-send. */
  reprocessSeconds?: number;
  now?: () => Date;
}

export type ReceiveResult =
  | { outcome: "created"; inboxId: bigint; caseId: string; requestId: string; supersededCaseIds: string[]; downloadCount: number }
  | { outcome: "duplicate"; inboxId: bigint; caseId: string; requestId: string }
  | { outcome: "rejected"; inboxId: bigint; code: string; reason: string; requestId: string | null };

const SYSTEM_ACTOR = null;

/** An intake error keeps at most this much of its body: enough to see what was wrong, not a megabyte of RIDs and URLs. */
export const INTAKE_ERROR_BODY_BYTES = 64 * 1024;

export function intakeErrorBody(
  body: Uint8Array,
  maxBytes = INTAKE_ERROR_BODY_BYTES,
): { body: Uint8Array<ArrayBuffer>; bodyTruncated: boolean } {
  const limit = Math.min(maxBytes, INTAKE_ERROR_BODY_BYTES);
  const truncated = body.byteLength > limit;
  return {
    body: Buffer.from(body.buffer, body.byteOffset, truncated ? limit : body.byteLength) as Uint8Array<ArrayBuffer>,
    bodyTruncated: truncated,
  };
}

export async function receiveRequest(prisma: PrismaClient, message: IncomingMessage, opts: ReceiveOptions): Promise<ReceiveResult> {
  const r = await storeRequest(prisma, message, opts);
  // Counted after the commit, for broker and built-in simulator messages alike. The queue is a configured name.
  metrics().intakeMessages.inc({ queue: message.destination, outcome: r.outcome });
  if (r.outcome === "rejected") metrics().intakeErrors.inc({ reason: intakeReason(r.code) });
  return r;
}

async function storeRequest(prisma: PrismaClient, message: IncomingMessage, opts: ReceiveOptions): Promise<ReceiveResult> {
  const receivedAt = (opts.now ?? (() => new Date()))();
  const meta = readMessageMeta(message.headers);
  const size = message.body.byteLength;
  const truncated = size > opts.maxBytes;
  const inbox = {
    brokerMessageId: clip(meta.brokerMessageId, 255),
    destination: clip(message.destination, 255) ?? "",
    format: meta.format,
    body: Buffer.from(message.body.buffer, message.body.byteOffset, truncated ? opts.maxBytes : size) as Uint8Array<ArrayBuffer>,
    bodySize: size,
    bodyTruncated: truncated,
    redelivered: meta.redelivered,
    brokerExpiresAt: meta.expiresAt,
    brokerTimestamp: meta.timestamp,
    receivedAt,
  };

  const parsed = parseAdjudicationRequest(message.body, { maxBytes: opts.maxBytes });
  if (!parsed.ok) {
    const requestId = clip(parsed.requestId ?? null, 255);
    return prisma.$transaction(async (tx) => {
      const row = await tx.inboxMessage.create({
        data: {
          ...inbox,
          ...intakeErrorBody(message.body, opts.maxBytes),
          outcome: "REJECTED",
          requestId,
          errorCode: parsed.code,
          errorReason: clean(parsed.reason),
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: "intake.rejected",
        targetType: "inbox",
        targetId: String(row.id),
        details: { code: parsed.code, destination: inbox.destination },
      });
      return { outcome: "rejected" as const, inboxId: row.id, code: parsed.code, reason: clean(parsed.reason), requestId };
    });
  }

  const request = parsed.request;
  const refused = checkStorable(request) ?? checkOrigins(request, opts.allowedOrigins);
  if (refused) {
    const requestId = clip(request.requestId, 255);
    return prisma.$transaction(async (tx) => {
      const row = await tx.inboxMessage.create({
        data: { ...inbox, outcome: "REJECTED", requestId, errorCode: refused.code, errorReason: clean(refused.reason) },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: "intake.rejected",
        targetType: "inbox",
        targetId: String(row.id),
        details: { code: refused.code },
      });
      return { outcome: "rejected" as const, inboxId: row.id, code: refused.code, reason: clean(refused.reason), requestId };
    });
  }

  const write = () =>
    prisma.$transaction(async (tx) => {
      // Serialise intake per requestId and per RID: the unique index alone would make a concurrent
      // duplicate fail the whole transaction, and nothing in the schema stops two open cases per RID.
      await lock(tx, `req:${request.requestId}`);
      await lock(tx, `rid:${request.kind}:${request.referenceId}`);

      const existing = await tx.case.findUnique({ where: { requestId: request.requestId }, select: { id: true } });
      if (existing) {
        const row = await tx.inboxMessage.create({
          data: { ...inbox, outcome: "DUPLICATE", requestId: request.requestId },
          select: { id: true },
        });
        await recordAudit(tx, {
          actor: SYSTEM_ACTOR,
          action: "intake.duplicate",
          targetType: "case",
          targetId: existing.id,
          details: { inboxId: String(row.id) },
        });
        return { outcome: "duplicate" as const, inboxId: row.id, caseId: existing.id, requestId: request.requestId };
      }

      const row = await tx.inboxMessage.create({
        data: { ...inbox, outcome: "CREATED", requestId: request.requestId },
        select: { id: true },
      });
      const gallery = request.kind === "ADJUDICATION" ? request.gallery : [];
      const applicantMissing = request.applicant.length === 0;
      const downloadCount = request.applicant.length + gallery.reduce((n, g) => n + g.sources.length, 0);
      const created = await tx.case.create({
        data: {
          requestId: request.requestId,
          referenceId: request.referenceId,
          kind: request.kind,
          state: applicantMissing ? "DATA_UNAVAILABLE" : "FETCHING",
          candidateCount: gallery.length,
          requestTime: request.requestTime,
          expiresAt: meta.expiresAt,
          deadlineAt: computeDeadline({
            expiresAt: meta.expiresAt,
            requestTime: request.requestTime,
            receivedAt,
            windowMinutes: opts.deadlineWindowMinutes,
            reprocessSeconds: opts.reprocessSeconds,
          }),
          receivedAt,
          requestFormat: meta.format,
          applicantDataStatus: applicantMissing ? "UNAVAILABLE" : "PENDING",
          dataErrorCode: applicantMissing ? "NO_APPLICANT_URL" : null,
          inboxMessageId: row.id,
        },
        select: { id: true },
      });
      await tx.datashareDownload.createMany({ data: downloadRows(created.id, null, request.applicant, receivedAt) });
      for (let i = 0; i < gallery.length; i++) {
        const g = gallery[i];
        const candidate = await tx.candidate.create({
          data: {
            caseId: created.id,
            referenceId: g.referenceId,
            position: i,
            dataStatus: g.sources.length === 0 ? "UNAVAILABLE" : "PENDING",
          },
          select: { id: true },
        });
        if (g.sources.length)
          await tx.datashareDownload.createMany({ data: downloadRows(created.id, candidate.id, g.sources, receivedAt) });
      }

      const older = await tx.case.findMany({
        where: { referenceId: request.referenceId, kind: request.kind, state: { in: [...OPEN_STATES] }, id: { not: created.id } },
        select: { id: true, state: true },
        orderBy: { receivedAt: "desc" },
      });
      const supersededCaseIds = older.map((c) => c.id);
      if (supersededCaseIds.length) {
        // Only still-open cases: one decided a moment ago keeps its answer.
        await tx.case.updateMany({
          where: { id: { in: supersededCaseIds }, state: { in: [...OPEN_STATES] } },
          data: { state: "SUPERSEDED", supersededById: created.id },
        });
        // Their shares are no longer worth fetching, and their requestIds must never be answered.
        await tx.datashareDownload.updateMany({
          where: { caseId: { in: supersededCaseIds }, state: { in: ["PENDING", "DOWNLOADING"] } },
          data: { state: "CANCELLED", leaseUntil: null },
        });
        for (const id of supersededCaseIds) {
          await recordAudit(tx, {
            actor: SYSTEM_ACTOR,
            action: "case.superseded",
            targetType: "case",
            targetId: id,
            details: { by: created.id },
          });
        }
        // The review of the latest one goes on in the new case when the gallery is the same (there is normally
        // only one open case per person: intake is serialised per RID).
        await carryReviewProgress(tx, older[0].id, created.id, older[0].state);
      }
      await recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: "case.received",
        targetType: "case",
        targetId: created.id,
        details: {
          kind: request.kind,
          inboxId: String(row.id),
          format: meta.format,
          candidates: gallery.length,
          downloads: downloadCount,
          ...(supersededCaseIds.length ? { supersedes: supersededCaseIds } : {}),
          ...(request.warnings.length ? { warnings: request.warnings } : {}),
        },
      });
      return {
        outcome: "created" as const,
        inboxId: row.id,
        caseId: created.id,
        requestId: request.requestId,
        supersededCaseIds,
        downloadCount,
      };
    });

  try {
    return await write();
  } catch (e) {
    // A concurrent writer that slipped past the locks (e.g. another app version) makes the requestId
    // unique index fire; the retry then sees its case and records a duplicate.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return write();
    throw e;
  }
}

function downloadRows(
  caseId: string,
  candidateId: string | null,
  sources: ReferenceSource[],
  now: Date,
): Prisma.DatashareDownloadCreateManyInput[] {
  return sources.map((s, i) => ({
    caseId,
    candidateId,
    sourceIndex: i,
    source: clip(s.source, 32),
    sourceStatus: clip(s.status, 64),
    url: s.url,
    nextAttemptAt: now,
  }));
}

async function lock(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/**
 * Values that parse but cannot be stored must become intake errors, not database errors: a database
 * error leaves the message on the queue, to be redelivered and fail again forever. The columns are sized
 * for MOSIP's values (UUIDs, 29-digit RIDs), and PostgreSQL text cannot hold NUL.
 */
function checkStorable(r: MosipRequest): { code: "INVALID_VALUE"; reason: string } | null {
  const fields: [string, string | null, number][] = [
    ["requestId", r.requestId, 64],
    ["referenceId", r.referenceId, 64],
    ...r.applicant.map((s, i) => [`referenceURL[${i}]`, s.url, Infinity] as [string, string, number]),
  ];
  if (r.kind === "ADJUDICATION") {
    r.gallery.forEach((g, i) => {
      fields.push([`gallery.referenceIds[${i}].referenceId`, g.referenceId, 64]);
      for (const [j, s] of g.sources.entries()) fields.push([`gallery.referenceIds[${i}].referenceURL[${j}]`, s.url, Infinity]);
    });
  }
  for (const [path, value, max] of fields) {
    if (value === null) continue;
    if (value.length > max) return { code: "INVALID_VALUE", reason: `${path}: longer than ${max} characters (${value.length})` };
    if (value.includes("\u0000")) return { code: "INVALID_VALUE", reason: `${path}: contains a NUL character` };
  }
  return null;
}

/**
 * A request naming a datashare outside the allow-list never becomes a case (and so never supersedes one): kept
 * as an intake error whose reason names the field and the origin only, never the URL (a capability).
 */
function checkOrigins(r: MosipRequest, allowed: readonly string[]): { code: "ORIGIN_NOT_ALLOWED"; reason: string } | null {
  for (const [path, url] of referenceUrls(r)) {
    if (isAllowedOrigin(url, allowed)) continue;
    return {
      code: "ORIGIN_NOT_ALLOWED",
      reason: `${path}: datashare origin ${originOf(url) ?? "(not an http(s) origin)"} is not in MOSIP_DATASHARE_ALLOWED_ORIGINS`,
    };
  }
  return null;
}

function referenceUrls(r: MosipRequest): [string, string][] {
  const out: [string, string][] = r.applicant.map((s, i) => [`referenceURL[${i}]`, s.url]);
  if (r.kind === "ADJUDICATION") {
    r.gallery.forEach((g, i) => {
      for (const [j, s] of g.sources.entries()) out.push([`gallery.referenceIds[${i}].referenceURL[${j}]`, s.url]);
    });
  }
  return out;
}

/** NUL cannot be stored in PostgreSQL text; error reasons may quote parts of a hostile message. */
function clean(v: string): string {
  return v.replaceAll("\u0000", "\uFFFD");
}

function clip(v: string | null, n: number): string | null {
  return v === null ? null : clean(v.length > n ? v.slice(0, n) : v);
}
