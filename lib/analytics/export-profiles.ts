import "server-only";
import { z } from "zod";
import type { PrismaClient, Prisma } from "@/lib/db/generated/client";
import { durationBand, largeEnoughGroups, profileGroupKey, qualityBand, scoreBand } from "./profile-bands";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day, yyyy-MM-dd");

export const exportProfilesQuery = z.strictObject({
  /** First and last decision day to export (inclusive); the whole table without them. */
  from: day.optional(),
  to: day.optional(),
  /**
   * "bulk": Elasticsearch _bulk body, an `index` action line before each document with the profile id as
   * _id (re-importing updates instead of duplicating). Default: one document per line.
   */
  format: z.enum(["documents", "bulk"]).default("documents"),
  /** Index named in the bulk action lines. */
  index: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, "must be a lower-case Elasticsearch index name")
    .default("mas-adjudication-profiles"),
});
export type ExportProfilesQuery = z.output<typeof exportProfilesQuery>;

type ProfileRow = Prisma.AdjudicationProfileGetPayload<object>;

type ExportedBiometric = { modality: string; position: string | null; quality: string | null } | { modality: string; exception: true };

/**
 * The exported document; the field mapping is in docs/analytics.md. createdAt is left out on purpose (see
 * there); the duration is a band; biometrics are banded again here so that profiles recorded before bands
 * (exact scores, exception positions) leave in the same shape.
 */
export function profileDocument(p: ProfileRow) {
  return {
    profileId: p.id,
    process: p.process,
    decidedOn: p.decidedOn.toISOString().slice(0, 10),
    yearOfBirth: p.yearOfBirth,
    gender: p.gender,
    location: p.location ?? null,
    biometrics: exportedBiometrics(p.biometrics),
    decision: p.decision,
    timeToDecide: durationBand(p.secondsToDecide),
    candidateCount: p.candidateCount,
    reviewersAgreed: p.reviewersAgreed,
    topScores: exportedTopScores(p.topScores),
  };
}

/** Bands only, whatever the row holds (a number is banded here, anything else left out). */
export function exportedTopScores(stored: unknown): Record<string, string> | null {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return null;
  const out: Record<string, string> = {};
  for (const [modality, v] of Object.entries(stored)) {
    const band = typeof v === "number" ? scoreBand(v) : typeof v === "string" && /^\d{1,2}-\d{2,3}$/.test(v) ? v : null;
    if (band) out[modality] = band;
  }
  return Object.keys(out).length ? out : null;
}

export function exportedBiometrics(stored: unknown): ExportedBiometric[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((b): ExportedBiometric[] => {
    if (!b || typeof b !== "object") return [];
    const r = b as { modality?: unknown; position?: unknown; quality?: unknown; exception?: unknown };
    const modality = typeof r.modality === "string" ? r.modality : "unknown";
    if (r.exception === true) return [{ modality, exception: true }];
    const quality = typeof r.quality === "number" ? qualityBand(r.quality) : typeof r.quality === "string" ? r.quality : null;
    return [{ modality, position: typeof r.position === "string" ? r.position : null, quality }];
  });
}

/**
 * NDJSON, streamed a page at a time so an export of years of profiles never sits in memory. A first pass reads
 * only the quasi-identifiers to count each group (profile-bands.ts); profiles of groups smaller than `minGroup`
 * (MAS_PROFILE_MIN_GROUP) are left out, so no exported line stands for fewer than k people.
 */
export function exportProfiles(
  prisma: PrismaClient,
  q: ExportProfilesQuery,
  minGroup: number,
  pageSize = 1000,
): ReadableStream<Uint8Array> {
  const where: Prisma.AdjudicationProfileWhereInput = {
    decidedOn: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}), ...(q.to ? { lte: new Date(`${q.to}T00:00:00Z`) } : {}) },
  };
  const enc = new TextEncoder();
  let cursor: string | null = null;
  let kept: Set<string> | null = null;
  return new ReadableStream<Uint8Array>({
    async start() {
      const keys = await prisma.adjudicationProfile.findMany({
        where,
        select: { decidedOn: true, yearOfBirth: true, gender: true, location: true },
      });
      kept = largeEnoughGroups(
        keys.map((k) => profileGroupKey({ ...k, decidedOn: k.decidedOn.toISOString().slice(0, 10) })),
        minGroup,
      );
    },
    async pull(controller) {
      const rows: ProfileRow[] = await prisma.adjudicationProfile.findMany({
        where,
        orderBy: { id: "asc" },
        take: pageSize,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      let text = "";
      for (const p of rows) {
        if (!kept?.has(profileGroupKey({ ...p, decidedOn: p.decidedOn.toISOString().slice(0, 10) }))) continue;
        if (q.format === "bulk") text += `${JSON.stringify({ index: { _index: q.index, _id: p.id } })}\n`;
        text += `${JSON.stringify(profileDocument(p))}\n`;
      }
      if (text) controller.enqueue(enc.encode(text));
      if (rows.length < pageSize) controller.close();
      else cursor = rows[rows.length - 1].id;
    },
  });
}
