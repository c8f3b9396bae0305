import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import type { Bir } from "@/lib/biometrics/cbeff/parse-cbeff";
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
  const birsOf = async (subject: SubjectKey) => {
    const s = await loadSubject(prisma, caseId, subject);
    return s.ok ? s.data.birs : null;
  };
  const available = candidates.filter((c) => c.dataStatus === "AVAILABLE");
  const [applicant, ...others] = await Promise.all([birsOf("applicant"), ...available.map((c) => birsOf(c.id))]);
  if (!applicant) throw new Error("the applicant's data could not be read");
  return scoreSubjects(
    caseId,
    applicant,
    available.flatMap((c, i) => (others[i] ? [{ id: c.id, birs: others[i] }] : [])),
    work,
  );
}

/**
 * The scores of one applicant's fingers against each candidate's (CBEFF BIRs as parsed), position by position.
 * Every extraction of the case is queued at once, so they keep every worker busy; then the comparisons go out in
 * one batch per worker.
 */
export async function scoreSubjects(
  caseId: string,
  applicantBirs: readonly Bir[],
  candidates: readonly { id: string; birs: readonly Bir[] }[],
  work: FingerWork,
): Promise<CaseFingerScores> {
  const counter = { unreadable: 0 };
  const [applicant, ...others] = await Promise.all([
    subjectTemplates(caseId, "applicant", applicantBirs, work, counter),
    ...candidates.map((c) => subjectTemplates(caseId, c.id, c.birs, work, counter)),
  ]);
  const jobs: { candidateId: string; position: SingleFingerPosition; a: FingerRecordTemplate; b: FingerRecordTemplate }[] = [];
  candidates.forEach((c, i) => {
    for (const [position, a] of applicant) {
      const b = others[i].get(position);
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

/** The subject's finger templates by position (images that yield none are counted, not fatal). */
async function subjectTemplates(
  caseId: string,
  subject: SubjectKey,
  birs: readonly Bir[],
  work: FingerWork,
  counter: { unreadable: number },
): Promise<SubjectTemplates> {
  const out: SubjectTemplates = new Map();
  await Promise.all(
    [...fingerBirs(birs)].map(async ([position, birIndex]) => {
      const t = await fingerTemplate(caseId, subject, birIndex, birs[birIndex].bdb!, work);
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
