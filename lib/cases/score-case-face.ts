import "server-only";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import type { Bir } from "@/lib/biometrics/cbeff/parse-cbeff";
import { buildBiometricGrid } from "@/lib/biometrics/grid";
import type { FaceRecordDescription } from "@/lib/matching/describe-face-record";
import { FACE_MODEL_UNAVAILABLE, faceDistance } from "@/lib/matching/face-distance";
import type { FaceWork } from "./face-work-pool";
import { FingerWorkError } from "./finger-work";
import type { PrismaClient } from "@/lib/db/generated/client";
import { loadSubject, type SubjectKey } from "./load-subject";

/** One stored face comparison (a FaceScore row without its case key). */
export interface FaceScoreRow {
  candidateId: string;
  /** Descriptor distance; null when the model found no face on one side. */
  distance: number | null;
  applicantDetection: number | null;
  candidateDetection: number | null;
}

/** The face image the workbench shows (the grid's FACE cell), so the aid compares what the officer compares. */
export function faceBir(birs: readonly Bir[]): number | null {
  if (birs.length === 0) return null;
  const cell = buildBiometricGrid([...birs]).cells.find((c) => c.slot === "FACE");
  if (cell?.state !== "present" || cell.birIndex === null) return null;
  const bdb = birs[cell.birIndex]?.bdb;
  return bdb && bdb.length > 0 ? cell.birIndex : null;
}

/** Scores a case's faces: the applicant against each candidate whose data is available (subjects opened once per case). */
export async function computeCaseFaceScores(
  prisma: PrismaClient,
  caseId: string,
  candidates: readonly { id: string; dataStatus: string }[],
  work: FaceWork,
): Promise<FaceScoreRow[]> {
  const birsOf = async (subject: SubjectKey) => {
    const s = await loadSubject(prisma, caseId, subject);
    return s.ok ? s.data.birs : null;
  };
  const available = candidates.filter((c) => c.dataStatus === "AVAILABLE");
  const [applicant, ...others] = await Promise.all([birsOf("applicant"), ...available.map((c) => birsOf(c.id))]);
  if (!applicant) return [];
  return scoreSubjectFaces(
    caseId,
    applicant,
    available.flatMap((c, i) => (others[i] ? [{ id: c.id, birs: others[i] }] : [])),
    work,
  );
}

/**
 * The applicant's face against each candidate's, where both have a face image. Each image's descriptor is made
 * once, on the face pool, and kept in the per-case cache (memory only, dropped with the case like its images);
 * only distances and detector confidences come back. An image the decoder or the model cannot read is no score.
 */
export async function scoreSubjectFaces(
  caseId: string,
  applicantBirs: readonly Bir[],
  candidates: readonly { id: string; birs: readonly Bir[] }[],
  work: FaceWork,
): Promise<FaceScoreRow[]> {
  const descriptionOf = (subject: SubjectKey, birs: readonly Bir[]) => {
    const index = faceBir(birs);
    return index === null ? null : faceDescription(caseId, subject, index, birs[index].bdb!, work);
  };
  const applicant = descriptionOf("applicant", applicantBirs);
  if (!applicant) return [];
  const faces = candidates.map((c) => descriptionOf(c.id, c.birs));
  const [a, ...others] = await Promise.all([applicant, ...faces.map((f) => f ?? Promise.resolve(null))]);
  const rows: FaceScoreRow[] = [];
  candidates.forEach((c, i) => {
    const b = others[i];
    if (!a || !b) return;
    rows.push({
      candidateId: c.id,
      distance: a.found && b.found ? round3(faceDistance(a.descriptor, b.descriptor)) : null,
      applicantDetection: a.found ? round3(a.detection) : null,
      candidateDetection: b.found ? round3(b.detection) : null,
    });
  });
  return rows;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** One face image's description through the per-case cache; null when the image cannot be read at all. */
function faceDescription(
  caseId: string,
  subject: SubjectKey,
  birIndex: number,
  bdb: Uint8Array,
  work: FaceWork,
): Promise<FaceRecordDescription | null> {
  return getCaseImageCache().getOrCreate(
    { caseId, subject, bir: `${birIndex}:face-descriptor` },
    async () => {
      try {
        return await work.describe(bdb);
      } catch (e) {
        // The pool failing, or the model not starting, is no property of the image: the caller decides.
        if (e instanceof FingerWorkError || (e as { code?: unknown }).code === FACE_MODEL_UNAVAILABLE) throw e;
        return null;
      }
    },
    // 128 floats and a little bookkeeping.
    () => 640,
  );
}
