import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/load-user";
import { DomainError } from "@/lib/errors/domain-error";
import { REVIEWABLE_STATES } from "./list-sample-queue";

/** What the reviewer saw: kept with the review, purged with the decisions' comments (lib/retention). */
const note = z.string().trim().max(1000).optional();

export const sampleReviewBody = z.discriminatedUnion("outcome", [
  z.strictObject({ outcome: z.literal("CONFIRMED"), note }),
  z.strictObject({
    outcome: z.literal("ERROR"),
    note,
    /** Which level's decision was wrong; each must be a level that decided this case. */
    wrongLevels: z
      .array(z.enum(["PRIMARY", "SECONDARY", "SUPERVISOR"]))
      .min(1, "name the level (or levels) whose decision was wrong")
      .max(3)
      .refine((l) => new Set(l).size === l.length, "name each level once"),
  }),
]);
export type SampleReviewInput = z.output<typeof sampleReviewBody>;

/**
 * The supervisor's verdict on a sampled case: confirmed, or an error at the named levels. Recorded once, by
 * someone who did not decide the case, with its audit row in the same transaction; it counts in each reviewer's
 * sample-review error rate (lib/quality/operator-figures.ts).
 */
export async function recordSampleReview(
  prisma: PrismaClient,
  user: SessionUser,
  caseId: string,
  input: SampleReviewInput,
  now = new Date(),
): Promise<{ caseId: string; outcome: "CONFIRMED" | "ERROR"; wrongLevels: string[] }> {
  return prisma.$transaction(async (tx) => {
    // Two supervisors reviewing the same case at once: the second waits, then finds it reviewed.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "Case" WHERE "id" = ${caseId}::uuid FOR UPDATE`;
    if (!locked.length) throw new DomainError("not_found", "no such case");
    const c = await tx.case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        state: true,
        sampleReview: { select: { outcome: true, reason: true } },
        _count: { select: { qualityFlags: true } },
        decisions: { select: { level: true, userId: true } },
      },
    });
    const flagged = c._count.qualityFlags > 0;
    if (!(REVIEWABLE_STATES as readonly string[]).includes(c.state) || (!c.sampleReview && !flagged))
      throw new DomainError("conflict", "this case is not in the sample review queue");
    if (c.sampleReview?.outcome) throw new DomainError("conflict", "this case has been reviewed already");
    if (c.decisions.some((d) => d.userId === user.id))
      throw new DomainError("forbidden", "a reviewer of this case cannot review its sample");
    const wrongLevels = input.outcome === "ERROR" ? input.wrongLevels : [];
    const decided = new Set(c.decisions.map((d) => d.level));
    const unknown = wrongLevels.filter((l) => !decided.has(l));
    if (unknown.length) throw new DomainError("invalid", `no ${unknown.join(", ").toLowerCase()} decision on this case`, "wrongLevels");
    const reason = flagged ? "FLAGGED" : (c.sampleReview?.reason ?? "RANDOM");
    const data = { outcome: input.outcome, wrongLevels, reviewerId: user.id, reviewedAt: now, note: input.note?.trim() || null };
    await tx.sampleReview.upsert({ where: { caseId }, create: { caseId, reason, sampledAt: now, ...data }, update: data });
    await recordAudit(tx, {
      actor: user,
      action: "quality.sample_review",
      targetType: "case",
      targetId: caseId,
      // Not the note: the audit log is kept for good, and free text may name people.
      details: { outcome: input.outcome, wrongLevels, reason, note: Boolean(data.note) },
    });
    return { caseId, outcome: input.outcome, wrongLevels };
  });
}
