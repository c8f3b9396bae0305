import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { ReviewLevel } from "./case-lifecycle";
import { requiredDwellSeconds, type DwellSettings } from "./dwell-time";

export interface Haste {
  requiredSeconds: number;
  elapsedSeconds: number;
}

/**
 * The haste guard, measured on the server: the seconds from the reviewer's first view of the case at this
 * level (ReviewView) to now, against the case's minimum dwell time. A decision never preceded by a view has
 * dwelt 0 s. Returns null when the decision is not hasty (or the guard is off); throws
 * haste_confirmation_required when it is and the officer has not confirmed; returns the figures when confirmed,
 * for the caller to flag the decision for sample review in the same transaction.
 */
export async function checkDwell(
  tx: Prisma.TransactionClient,
  d: { caseId: string; userId: string; level: ReviewLevel; candidates: number; hasteConfirmed: boolean; now: Date },
  settings: DwellSettings,
): Promise<Haste | null> {
  if (settings.minDwellBaseSeconds === 0 && settings.minDwellSecondsPerComparison === 0) return null;
  const view = await tx.reviewView.findUnique({
    where: { caseId_userId_level: { caseId: d.caseId, userId: d.userId, level: d.level } },
    select: { at: true, modalities: true },
  });
  const requiredSeconds = requiredDwellSeconds(settings, { candidates: d.candidates, modalities: view?.modalities ?? null });
  const elapsedSeconds = view ? Math.max(0, Math.floor((d.now.getTime() - view.at.getTime()) / 1000)) : 0;
  if (elapsedSeconds >= requiredSeconds) return null;
  if (!d.hasteConfirmed)
    throw new DomainError(
      "haste_confirmation_required",
      `this case calls for at least ${requiredSeconds} s of review and you have had it open ${elapsedSeconds} s: look again, or confirm the decision (hasteConfirmed: true) to record it and send the case to sample review`,
      "hasteConfirmed",
      { requiredSeconds, elapsedSeconds },
    );
  return { requiredSeconds, elapsedSeconds };
}
