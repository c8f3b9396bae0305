import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { agreementFigures, type AgreementFigures } from "./agreement-figures";
import { readDecision } from "./decision-answer";
import { MONTH_PATTERN, type PeriodQuery, qualityPeriod } from "./quality-period";
import { knownAnswerFigures, sampleReviewFigures, type KnownAnswerFigures, type SampleReviewFigures } from "./operator-figures";

export const qualityFiguresQuery = z.strictObject({
  /** Decisions (and reviews) of the last this many days. */
  days: z.coerce.number().int().min(1).max(366).default(30),
  /** A calendar month instead (UTC, YYYY-MM): the monthly report's period. */
  month: z.string().regex(MONTH_PATTERN, "a month as YYYY-MM").optional(),
});
export type QualityFiguresQuery = PeriodQuery;

export interface QualityFigures {
  since: string;
  /** The end of the period (excluded): now, or the first instant of the next month. */
  until: string;
  /** Live known-answer cases, per operator (training cases apart). */
  knownAnswers: KnownAnswerFigures[];
  /** Training cases, per trainee. */
  training: KnownAnswerFigures[];
  sampleReview: SampleReviewFigures[];
  agreement: AgreementFigures;
}

/** Every figure of docs/quality.md over one period, read from the decisions and their reviews. */
export async function loadQualityFigures(prisma: PrismaClient, q: QualityFiguresQuery, now = new Date()): Promise<QualityFigures> {
  const { since, until } = qualityPeriod(q, now);
  // The last `days` run to whatever is recorded while reading; a month stops at its end.
  const within = q.month ? { gte: since, lt: until } : { gte: since };
  const user = { select: { username: true } } as const;

  const known = await prisma.decision.findMany({
    where: { createdAt: within, case: { knownAnswer: { isNot: null } } },
    select: {
      userId: true,
      body: true,
      user,
      case: {
        select: {
          knownAnswer: { select: { traineeId: true, duplicatePositions: true } },
          candidates: { select: { referenceId: true, position: true }, orderBy: { position: "asc" } },
        },
      },
    },
  });
  const knownRows = known.map((d) => {
    const truth = d.case.knownAnswer!;
    return {
      training: truth.traineeId !== null,
      userId: d.userId,
      username: d.user.username,
      decision: readDecision(d.body),
      truth: {
        gallery: d.case.candidates.map((c) => c.referenceId),
        duplicates: d.case.candidates.filter((c) => truth.duplicatePositions.includes(c.position)).map((c) => c.referenceId),
      },
    };
  });

  const reviews = await prisma.sampleReview.findMany({
    where: { outcome: { not: null }, reviewedAt: within },
    select: { outcome: true, wrongLevels: true, case: { select: { decisions: { select: { level: true, userId: true, user } } } } },
  });

  const decided = await prisma.case.findMany({
    where: {
      state: { in: ["DECIDED", "ANSWERED"] },
      decidedAt: within,
      // A training case has one reviewer and no second opinion: it says nothing about agreement.
      OR: [{ knownAnswer: null }, { knownAnswer: { traineeId: null } }],
    },
    select: {
      primaryAssignedAt: true,
      secondaryAssignedAt: true,
      candidates: { select: { referenceId: true }, orderBy: { position: "asc" } },
      decisions: { select: { level: true, userId: true, body: true, createdAt: true, user } },
    },
  });

  return {
    since: since.toISOString(),
    until: until.toISOString(),
    knownAnswers: knownAnswerFigures(knownRows.filter((r) => !r.training)),
    training: knownAnswerFigures(knownRows.filter((r) => r.training)),
    sampleReview: sampleReviewFigures(
      reviews.map((r) => ({
        outcome: r.outcome!,
        wrongLevels: r.wrongLevels,
        decisions: r.case.decisions.map((d) => ({ level: d.level, userId: d.userId, username: d.user.username })),
      })),
    ),
    agreement: agreementFigures(
      decided.map((c) => ({
        gallery: c.candidates.map((x) => x.referenceId),
        primaryAssignedAt: c.primaryAssignedAt,
        secondaryAssignedAt: c.secondaryAssignedAt,
        decisions: c.decisions.map((d) => ({
          level: d.level,
          userId: d.userId,
          username: d.user.username,
          decision: readDecision(d.body),
          createdAt: d.createdAt,
        })),
      })),
    ),
  };
}
