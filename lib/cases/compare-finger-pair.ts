import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { SingleFingerPosition } from "@/lib/biometrics/positions";
import type { FingerRecordTemplate } from "@/lib/matching/extract-finger-record";
import type { MatchResult } from "@/lib/matching/match-templates";
import { fingerBirs } from "./finger-birs";
import { type FingerWork, FingerWorkError } from "./finger-work";
import { loadSubject, type SubjectKey } from "./load-subject";
import { fingerTemplate } from "./score-case-fingers";

/** One side's minutiae as the overlay draws them, in the pixel coordinates of the image the viewer shows. */
export interface OverlaySide {
  /** The decoded image's size: the overlay's coordinate space (the full-size image of the image route). */
  width: number;
  height: number;
  ppi: number;
  /**
   * x, y in pixels (origin top left, y down); `angle` in radians, image coordinates (0 = pointing right, clockwise
   * since y points down); quality 1-100. Empty when the image yields no minutiae.
   */
  minutiae: { x: number; y: number; angle: number; quality: number; type: "ENDING" | "BIFURCATION" }[];
}

export interface FingerPairComparison {
  position: SingleFingerPosition;
  candidateId: string;
  /** 0-100, as stored for the case (the same matcher on the same templates). */
  score: number;
  applicant: OverlaySide;
  candidate: OverlaySide;
  /** Paired minutiae: index in applicant.minutiae, index in candidate.minutiae. */
  pairs: [number, number][];
  /** The alignment that maps the applicant's image onto the candidate's: radians, then pixels. */
  alignment: { rotation: number; dx: number; dy: number };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The comparison of one finger position of the applicant with one candidate, in full: both images' minutiae, the
 * paired ones and the alignment, for the workbench overlay. Templates come from the per-case memory cache (the
 * scorer put them there) or are extracted again on the worker pool when the cache was dropped; they are never
 * stored. The caller has checked access (authorizeCaseRead). `workPool` is asked for only here, so a process without
 * the worker bundle answers 503 rather than failing at start.
 */
export async function compareFingerPair(
  prisma: PrismaClient,
  caseId: string,
  candidateId: string,
  position: SingleFingerPosition,
  workPool: () => FingerWork,
): Promise<FingerPairComparison> {
  let work: FingerWork;
  try {
    work = workPool();
  } catch (e) {
    throw unavailable(e);
  }
  const [a, b] = await Promise.all([
    sideTemplate(prisma, caseId, "applicant", position, work),
    sideTemplate(prisma, caseId, candidateId, position, work),
  ]);
  if (a === "absent" || b === "absent") throw new DomainError("not_found", "no finger image at this position on both sides");
  try {
    const match: MatchResult = a && b ? await work.align(a.template, b.template) : { score: 0, pairs: [], rotation: 0, dx: 0, dy: 0 };
    return {
      position,
      candidateId,
      score: round(match.score, 1),
      applicant: overlaySide(a),
      candidate: overlaySide(b),
      pairs: match.pairs,
      alignment: { rotation: round(match.rotation, 4), dx: round(match.dx, 1), dy: round(match.dy, 1) },
    };
  } catch (e) {
    throw unavailable(e);
  }
}

/** The template shown at `position`, null when that image yields none, "absent" when there is no image there. */
async function sideTemplate(
  prisma: PrismaClient,
  caseId: string,
  subject: SubjectKey,
  position: SingleFingerPosition,
  work: FingerWork,
): Promise<FingerRecordTemplate | null | "absent"> {
  const s = await loadSubject(prisma, caseId, subject);
  if (!s.ok) return "absent";
  const birIndex = fingerBirs(s.data.birs).get(position);
  if (birIndex === undefined) return "absent";
  try {
    return await fingerTemplate(caseId, subject, birIndex, s.data.birs[birIndex].bdb!, work);
  } catch (e) {
    throw unavailable(e);
  }
}

function unavailable(e: unknown): unknown {
  // The pool's own failures (no bundle, a worker stuck or crashed): the officer may try again; the images stay.
  return e instanceof FingerWorkError
    ? new DomainError("unavailable", "the fingerprint comparison cannot run right now; try again shortly")
    : e;
}

function overlaySide(t: FingerRecordTemplate | null): OverlaySide {
  if (!t) return { width: 0, height: 0, ppi: 500, minutiae: [] };
  const { width, height, ppi, minutiae } = t.template;
  return {
    width,
    height,
    ppi,
    minutiae: minutiae.map((m) => ({ x: round(m.x, 1), y: round(m.y, 1), angle: round(m.angle, 3), quality: m.quality, type: m.type })),
  };
}
