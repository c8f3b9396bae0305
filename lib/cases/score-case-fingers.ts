import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import type { SingleFingerPosition } from "@/lib/biometrics/positions";
import type { FingerRecordTemplate } from "@/lib/matching/extract-finger-record";
import type { FingerTemplate } from "@/lib/matching/types";
import { fingerBirs } from "./finger-birs";
import { type FingerWork, FingerWorkError } from "./finger-work";
import { loadSubject, type SubjectKey } from "./load-subject";
import type { FingerScoreRow } from "./rank-candidates";

type SubjectTemplates = Map<SingleFingerPosition, FingerRecordTemplate>;

export interface CaseFingerScores {
  rows: FingerScoreRow[];
  /** Finger images that could not be turned into a template (undecodable, no ridges found). */
  unreadable: number;
}

/**
 * Scores a case: the applicant against each candidate whose data is available, at every finger position with an
 * image on both sides. Templates are made once per image and kept in the per-case cache (memory only, dropped with
 * the case like its images); only the numbers are returned.
 */
export async function computeCaseFingerScores(
  prisma: PrismaClient,
  caseId: string,
  candidates: readonly { id: string; dataStatus: string }[],
  work: FingerWork,
): Promise<CaseFingerScores> {
  const counter = { unreadable: 0 };
  const available = candidates.filter((c) => c.dataStatus === "AVAILABLE");
  // Every subject at once, so the extractions of the whole case keep every worker busy.
  const [applicant, ...others] = await Promise.all([
    subjectTemplates(prisma, caseId, "applicant", work, counter),
    ...available.map((c) => subjectTemplates(prisma, caseId, c.id, work, counter)),
  ]);
  if (!applicant) throw new Error("the applicant's data could not be read");

  const jobs: { candidateId: string; position: SingleFingerPosition; a: FingerRecordTemplate; b: FingerRecordTemplate }[] = [];
  available.forEach((c, i) => {
    const theirs = others[i];
    if (!theirs) return;
    for (const [position, a] of applicant) {
      const b = theirs.get(position);
      if (b) jobs.push({ candidateId: c.id, position, a, b });
    }
  });
  const batches = Math.max(1, Math.min(work.parallelism, jobs.length));
  const size = Math.ceil(jobs.length / batches);
  const chunks: (typeof jobs)[] = [];
  for (let i = 0; i < jobs.length; i += size) chunks.push(jobs.slice(i, i + size));
  const scored = await Promise.all(chunks.map((chunk) => work.match(chunk.map((j) => [j.a.template, j.b.template] as const))));
  const rows = chunks.flatMap((chunk, i) =>
    chunk.map((j, k) => ({
      candidateId: j.candidateId,
      position: j.position,
      score: Math.round(scored[i][k].score * 10) / 10,
      pairedMinutiae: scored[i][k].paired,
      applicantMinutiae: j.a.template.minutiae.length,
      candidateMinutiae: j.b.template.minutiae.length,
      applicantQuality: j.a.quality,
      candidateQuality: j.b.quality,
    })),
  );
  return { rows, unreadable: counter.unreadable };
}

/** The subject's finger templates by position, or null when its data cannot be read at all. */
async function subjectTemplates(
  prisma: PrismaClient,
  caseId: string,
  subject: SubjectKey,
  work: FingerWork,
  counter: { unreadable: number },
): Promise<SubjectTemplates | null> {
  const s = await loadSubject(prisma, caseId, subject);
  if (!s.ok) return null;
  const out: SubjectTemplates = new Map();
  await Promise.all(
    [...fingerBirs(s.data.birs)].map(async ([position, birIndex]) => {
      const t = await fingerTemplate(caseId, subject, birIndex, s.data.birs[birIndex].bdb!, work);
      if (t) out.set(position, t);
      else counter.unreadable++;
    }),
  );
  return out;
}

/** One image's template through the per-case cache: made once, whichever caller (scorer, overlay) asks first. */
export function fingerTemplate(
  caseId: string,
  subject: SubjectKey,
  birIndex: number,
  bdb: Uint8Array,
  work: FingerWork,
): Promise<FingerRecordTemplate | null> {
  return getCaseImageCache().getOrCreate(
    { caseId, subject, bir: `${birIndex}:template` },
    async () => {
      try {
        const t = await work.extract(bdb);
        return t.template.minutiae.length > 0 ? t : null;
      } catch (e) {
        if (e instanceof FingerWorkError) throw e;
        // An image the decoder or extractor cannot read is shown to the officer as is; it just gets no score.
        return null;
      }
    },
    (t) => (t ? templateBytes(t.template) : 64),
  );
}

function templateBytes(t: FingerTemplate): number {
  return 128 + t.minutiae.length * 80;
}
