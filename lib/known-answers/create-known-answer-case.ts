import "server-only";
import { createHash, randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import { assignReview } from "@/lib/cases/assign-review";
import { lockAssignment } from "@/lib/cases/operator-pool";
import { createScenario } from "@/lib/simulator/scenario";
import type { SynthesizeBodies } from "./known-answer-synthesis";
import { mimicTiming, type TimingTemplate } from "./mimic-timing";

export interface KnownAnswerOptions {
  synthesize: SynthesizeBodies;
  mosip: { deadlineMinutes: number; reprocessSeconds: number };
  /** A training case: assigned at once to this officer for primary review, and closed by their decision. */
  trainee?: { userId: string; actor: AuditEntry["actor"] };
  now?: Date;
  /** Seeds the synthetic people; random by default. */
  seed?: number;
}

// Synthesis costs about a second of CPU per subject: a copied gallery is capped to keep a case within seconds.
const MAX_CANDIDATES = 5;
// Where the synthetic requests say their shares live; never fetched: the bodies are stored with the case.
const NO_DATASHARE = "http://known-answer.invalid";

/**
 * Makes one known-answer case: a synthetic adjudication request from the simulator's generators (applicant and
 * gallery, some of it the same synthetic person), its datashares encrypted for the MAS partner key and stored as
 * downloads already fetched, so the case is READY and the case view decrypts it as any other. Its size and its
 * times are those of a recent real request (mimic-timing.ts). The truth (which gallery positions are the
 * applicant) goes to the KnownAnswer row only.
 */
export async function createKnownAnswerCase(prisma: PrismaClient, opts: KnownAnswerOptions): Promise<{ caseId: string }> {
  const recent = await prisma.case.findMany({
    where: { kind: "ADJUDICATION", knownAnswer: null, candidateCount: { gt: 0 } },
    orderBy: { receivedAt: "desc" },
    take: 50,
    select: { receivedAt: true, requestTime: true, expiresAt: true, deadlineAt: true, requestFormat: true, candidateCount: true },
  });
  const template: TimingTemplate | null = recent.length ? recent[randomInt(0, recent.length)] : null;
  const candidates = Math.min(MAX_CANDIDATES, template?.candidateCount ?? 3);

  const now0 = opts.now ?? new Date();
  const scenario = createScenario({
    seed: opts.seed ?? randomInt(1, 2 ** 31 - 1),
    adjudications: 1,
    candidates,
    duplicateRate: 0.5,
    publicUrl: NO_DATASHARE,
    startTime: now0,
  });
  const request = scenario.requests[0];
  const truth = scenario.truth.get(request.requestId)!;
  const subjects = [request.applicant, ...request.gallery];
  const bodies = await opts.synthesize(subjects);
  if (bodies.length !== subjects.length) throw new Error("synthesis returned the wrong number of datashare bodies");

  // Received when the data is ready, as a real case becomes visible once its shares are stored.
  const now = opts.now ?? new Date();
  const timing = mimicTiming(now, template, opts.mosip);
  const stored = (body: Buffer, subject: (typeof subjects)[number]) => ({
    sourceIndex: 0,
    source: subject.source,
    sourceStatus: subject.status,
    url: null,
    state: "STORED" as const,
    attempts: 1,
    body: new Uint8Array(body) as Uint8Array<ArrayBuffer>,
    bodyStorage: "RECEIVED" as const,
    bodySha256: createHash("sha256").update(body).digest("hex"),
    bodySize: body.byteLength,
    storedAt: now,
    nextAttemptAt: now,
  });

  return prisma.$transaction(async (tx) => {
    const created = await tx.case.create({
      data: {
        requestId: request.requestId,
        referenceId: request.referenceId,
        kind: "ADJUDICATION",
        state: "READY",
        candidateCount: request.gallery.length,
        ...timing,
        receivedAt: now,
        applicantDataStatus: "AVAILABLE",
        downloads: { create: [stored(bodies[0], request.applicant)] },
      },
      select: { id: true },
    });
    for (const [position, g] of request.gallery.entries()) {
      await tx.candidate.create({
        data: {
          caseId: created.id,
          referenceId: g.rid,
          position,
          dataStatus: "AVAILABLE",
          downloads: { create: [{ ...stored(bodies[position + 1], g), caseId: created.id }] },
        },
      });
    }
    const duplicatePositions = request.gallery.flatMap((g, i) => (truth.duplicates.includes(g.rid) ? [i] : []));
    await tx.knownAnswer.create({
      data: {
        caseId: created.id,
        duplicatePositions,
        traineeId: opts.trainee?.userId ?? null,
        createdById: opts.trainee?.actor?.id ?? null,
      },
    });
    // For auditors only (operators hold no audit.read by default); never the truth itself.
    await recordAudit(tx, {
      actor: opts.trainee?.actor ?? null,
      action: "quality.known_answer_created",
      targetType: "case",
      targetId: created.id,
      details: { candidates: request.gallery.length, training: Boolean(opts.trainee) },
    });
    if (opts.trainee) {
      await lockAssignment(tx);
      const assigned = await assignReview(tx, {
        caseId: created.id,
        level: "PRIMARY",
        userId: opts.trainee.userId,
        now,
        actor: opts.trainee.actor,
        how: "automatic",
      });
      if (!assigned) throw new Error("a new training case could not be assigned to its trainee");
    }
    return { caseId: created.id };
  });
}
