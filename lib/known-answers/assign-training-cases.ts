import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { DomainError } from "@/lib/errors/domain-error";
import { createKnownAnswerCase, type KnownAnswerOptions } from "./create-known-answer-case";

export const trainingBody = z.strictObject({
  userId: z.uuid(),
  /** Cases made now; each takes a few seconds to synthesise, so a larger set is several calls. */
  count: z.number().int().min(1).max(10),
});
export type TrainingInput = z.output<typeof trainingBody>;

/**
 * Gives an officer a set of training cases: known-answer cases assigned to them for primary review, which
 * their decision closes and after which the decision API tells them the truth (lib/quality/training-feedback.ts).
 * Each case is created and audited in its own transaction (quality.known_answer_created, training: true).
 */
export async function assignTrainingCases(
  prisma: PrismaClient,
  actor: SessionUser,
  input: TrainingInput,
  opts: Omit<KnownAnswerOptions, "trainee">,
): Promise<{ caseIds: string[] }> {
  const trainee = await prisma.user.findUnique({
    where: { id: input.userId },
    select: { active: true, roles: { select: { role: true } } },
  });
  if (!trainee) throw new DomainError("not_found", "no such user", "userId");
  if (!trainee.active) throw new DomainError("invalid", "the user is deactivated", "userId");
  const roles = trainee.roles.map((r) => r.role);
  const grants = await prisma.rolePermission.count({ where: { role: { in: roles }, permission: "cases.review" } });
  if (!grants) throw new DomainError("invalid", "the user cannot review cases (no role with cases.review)", "userId");
  const caseIds: string[] = [];
  for (let i = 0; i < input.count; i++) {
    const { caseId } = await createKnownAnswerCase(prisma, { ...opts, trainee: { userId: input.userId, actor } });
    caseIds.push(caseId);
  }
  return { caseIds };
}
