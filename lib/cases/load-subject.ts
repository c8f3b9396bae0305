import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { getCaseImageCache, approximateBytes } from "@/lib/biometrics/case-image-cache";
import { getEnv } from "@/lib/env/get-env";
import type { SubjectLoad } from "./open-subject";
import { getSubjectOpener } from "./subject-opener";

export type { SubjectData, SubjectLoad } from "./open-subject";

/** "applicant", or the id (not the RID) of one of the case's candidates. */
export type SubjectKey = string;

/**
 * Decrypts and parses one subject's stored datashare, in memory only, through the bounded per-case cache
 * (single-flight: the many image requests of one page open the datashare once). The work runs in a worker thread
 * (subject-opener.ts), not on the thread serving pages; `background` (prefetch) waits behind every other job. The stored body stays encrypted at rest; the clear payload
 * never leaves this process.
 */
export async function loadSubject(
  prisma: PrismaClient,
  caseId: string,
  subject: SubjectKey,
  options: { background?: boolean } = {},
): Promise<SubjectLoad> {
  return getCaseImageCache().getOrCreate(
    { caseId, subject, bir: "payload" },
    async (): Promise<SubjectLoad> => {
      const downloads = await prisma.datashareDownload.findMany({
        where: { caseId, candidateId: subject === "applicant" ? null : subject, state: "STORED" },
        orderBy: { sourceIndex: "asc" },
        select: { id: true, body: true, bodyStorage: true, purgedAt: true },
      });
      const stored = downloads.find((d) => d.body);
      if (!stored?.body)
        return {
          ok: false,
          reason: downloads.some((d) => d.purgedAt) ? "the data was purged by retention" : "no data was received for this person",
        };
      return getSubjectOpener(getEnv()).open({ id: stored.id, body: stored.body, bodyStorage: stored.bodyStorage }, options);
    },
    (v) => approximateBytes(v),
  );
}
