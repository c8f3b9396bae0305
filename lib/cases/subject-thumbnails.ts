import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { buildBiometricGrid } from "@/lib/biometrics/grid";
import type { ImageBody } from "@/lib/biometrics/image-response";
import { loadSubject, type SubjectKey } from "./load-subject";
import { renderSubjectImage } from "./render-subject-image";

export interface SubjectThumbnail {
  birIndex: number;
  /** null when the BIR holds no image that could be rendered (the grid then shows no picture). */
  image: ImageBody | null;
}

/**
 * Every thumbnail the comparison grid shows for one subject (the BIRs its cells point to), through the per-case
 * cache: one call for what the page otherwise fetched as 13 image requests. An image that fails to render is
 * null, so one bad record does not cost the others. Null when the subject has no readable data.
 */
export async function renderSubjectThumbnails(
  prisma: PrismaClient,
  caseId: string,
  subject: SubjectKey,
  options: { background?: boolean } = {},
): Promise<SubjectThumbnail[] | null> {
  const s = await loadSubject(prisma, caseId, subject, options);
  if (!s.ok) return null;
  const birIndexes = buildBiometricGrid(s.data.birs)
    .cells.map((c) => c.birIndex)
    .filter((i): i is number => i !== null);
  return Promise.all(
    [...new Set(birIndexes)].map(async (birIndex) => ({
      birIndex,
      image: await renderSubjectImage(prisma, caseId, subject, birIndex, "thumb", options).catch(() => null),
    })),
  );
}

/** What GET …/subjects/{subject}/thumbnails answers, and what the case page hands the client with the case. */
export interface SubjectThumbnailsAnswer {
  thumbnails: { birIndex: number; mime: string; data: string }[];
}

/** A subject's grid thumbnails as JSON (base64 image bodies); the caller has authorised and audited the read. */
export async function subjectThumbnailsAnswer(prisma: PrismaClient, caseId: string, subject: SubjectKey): Promise<SubjectThumbnailsAnswer> {
  const thumbnails = (await renderSubjectThumbnails(prisma, caseId, subject)) ?? [];
  return {
    thumbnails: thumbnails.flatMap(({ birIndex, image }) =>
      image
        ? [
            {
              birIndex,
              mime: image.mime,
              data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).toString("base64"),
            },
          ]
        : [],
    ),
  };
}
