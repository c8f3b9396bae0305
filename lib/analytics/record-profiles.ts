import "server-only";
import type { PrismaClient, Prisma } from "@/lib/db/generated/client";
import type { Bir } from "@/lib/biometrics/cbeff/parse-cbeff";
import type { IdentityValue } from "@/lib/mosip/identity";
import type { DecisionInput } from "@/lib/cases/decision-input";
import { loadSubject } from "@/lib/cases/load-subject";
import { buildAdjudicationProfile, type ModalityTopScore, type ProfileCaseFacts } from "./build-adjudication-profile";

/** What the sweep needs of the applicant; null when the data is unavailable, purged or unreadable. */
export type ApplicantLoader = (caseId: string) => Promise<{ identity: Record<string, IdentityValue> | null; birs: Bir[] } | null>;

export function applicantLoader(prisma: PrismaClient): ApplicantLoader {
  return async (caseId) => {
    const r = await loadSubject(prisma, caseId, "applicant");
    return r.ok ? { identity: r.data.payload.identity, birs: r.data.birs } : null;
  };
}

export interface RecordProfilesResult {
  profiled: number;
  /** Of those, how many had no readable applicant data (profile with nulls). */
  withoutData: number;
}

/**
 * Records the anonymous profile of every decided or answered case that has none yet. Runs right after the
 * decision, well before retention purges the datashares, so the applicant's data is normally still there;
 * cases whose data never arrived (or was purged) still get a profile, with the personal facts null.
 * One transaction per case: the profile row and Case.profiledAt together, guarded on profiledAt still being
 * null so two processes sweeping at once never profile a case twice.
 */
export async function recordProfiles(
  prisma: PrismaClient,
  opts: { now?: Date; batchSize?: number; loadApplicant?: ApplicantLoader } = {},
): Promise<RecordProfilesResult> {
  const batchSize = opts.batchSize ?? 100;
  const load = opts.loadApplicant ?? applicantLoader(prisma);
  const result: RecordProfilesResult = { profiled: 0, withoutData: 0 };
  const skipped = new Set<string>();
  for (;;) {
    const cases = await prisma.case.findMany({
      where: { state: { in: ["DECIDED", "ANSWERED"] }, profiledAt: null, id: { notIn: [...skipped] } },
      orderBy: { decidedAt: "asc" },
      take: batchSize,
      select: {
        id: true,
        kind: true,
        receivedAt: true,
        decidedAt: true,
        answeredAt: true,
        updatedAt: true,
        candidateCount: true,
        decisions: { select: { level: true, body: true } },
        outbox: { select: { body: true } },
        knownAnswer: { select: { caseId: true } },
      },
    });
    if (!cases.length) return result;
    for (const c of cases) {
      // A known-answer case is synthetic: it has no place in the profile of real applicants. Marked profiled
      // (without a profile) so that retention purges its shares as any other case's.
      if (c.knownAnswer) {
        await prisma.case.updateMany({ where: { id: c.id, profiledAt: null }, data: { profiledAt: opts.now ?? new Date() } });
        continue;
      }
      const applicant = await load(c.id);
      const facts: ProfileCaseFacts = {
        kind: c.kind,
        receivedAt: c.receivedAt,
        decidedAt: c.decidedAt ?? c.answeredAt ?? c.updatedAt,
        candidateCount: c.candidateCount,
        response: responseSummary(c.outbox?.body),
        topScores: await topScoresOf(prisma, c.id),
      };
      const profile = buildAdjudicationProfile(
        facts,
        c.decisions.map((d) => ({ level: d.level, body: d.body as DecisionInput })),
        applicant?.identity ?? null,
        applicant?.birs ?? null,
      );
      const now = opts.now ?? new Date();
      const done = await prisma.$transaction(async (tx) => {
        const claimed = await tx.case.updateMany({ where: { id: c.id, profiledAt: null }, data: { profiledAt: now } });
        if (claimed.count !== 1) return false;
        await tx.adjudicationProfile.create({
          data: {
            process: profile.process,
            decidedOn: new Date(`${profile.decidedOn}T00:00:00Z`),
            yearOfBirth: profile.yearOfBirth,
            gender: profile.gender,
            location: profile.location ?? undefined,
            biometrics: profile.biometrics as Prisma.InputJsonValue,
            decision: profile.decision,
            secondsToDecide: profile.secondsToDecide,
            candidateCount: profile.candidateCount,
            reviewersAgreed: profile.reviewersAgreed,
            topScores: profile.topScores ?? undefined,
          },
        });
        return true;
      });
      // Another process got there first: leave it out of the next page instead of looping on it.
      if (!done) skipped.add(c.id);
      else {
        result.profiled++;
        if (!applicant) result.withoutData++;
      }
    }
    if (cases.length < batchSize) return result;
  }
}

/** The case's best fingerprint score, when its scoring finished (a run still pending or failed says nothing). */
async function topScoresOf(prisma: PrismaClient, caseId: string): Promise<ModalityTopScore[]> {
  const scoring = await prisma.fingerScoring.findUnique({ where: { caseId }, select: { state: true } });
  if (scoring?.state !== "DONE") return [];
  const { _max } = await prisma.fingerScore.aggregate({ where: { caseId }, _max: { score: true } });
  return _max.score === null ? [] : [{ modality: "Finger", score: _max.score }];
}

/** returnValue and duplicate count of the queued response; the RIDs in it are not looked at. */
function responseSummary(body: string | null | undefined): ProfileCaseFacts["response"] {
  if (!body) return null;
  try {
    const r = JSON.parse(body) as { returnValue?: unknown; candidateList?: { count?: unknown } };
    return typeof r.returnValue === "number"
      ? { returnValue: r.returnValue, duplicates: typeof r.candidateList?.count === "number" ? r.candidateList.count : null }
      : null;
  } catch {
    return null;
  }
}
