import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { getCaseImageCache, approximateBytes } from "@/lib/biometrics/case-image-cache";
import { parseCbeff, type Bir } from "@/lib/biometrics/cbeff/parse-cbeff";
import { decryptDatashare } from "@/lib/crypto/decrypt-datashare";
import { getRuntimeKeyRing } from "@/lib/crypto/runtime-key-ring";
import { getRuntimeDataKey } from "@/lib/crypto/runtime-data-key";
import { openAtRest } from "@/lib/crypto/seal-at-rest";
import { parseDatasharePayload, type DatasharePayload } from "@/lib/mosip/datashare-envelope";
import { getEnv } from "@/lib/env/get-env";

/** "applicant", or the id (not the RID) of one of the case's candidates. */
export type SubjectKey = string;

export interface SubjectData {
  payload: DatasharePayload;
  birs: Bir[];
  /** Why something could not be read, e.g. a corrupt CBEFF; the rest is still shown. */
  problems: string[];
}

export type SubjectLoad = { ok: true; data: SubjectData } | { ok: false; reason: string };

/**
 * Decrypts and parses one subject's stored datashare, in memory only, through the bounded per-case cache.
 * The stored body stays encrypted at rest; the clear payload never leaves this process.
 */
export async function loadSubject(prisma: PrismaClient, caseId: string, subject: SubjectKey): Promise<SubjectLoad> {
  return getCaseImageCache().getOrCreate(
    { caseId, subject, bir: "payload" },
    async (): Promise<SubjectLoad> => {
      const downloads = await prisma.datashareDownload.findMany({
        where: { caseId, candidateId: subject === "applicant" ? null : subject, state: "STORED" },
        orderBy: { sourceIndex: "asc" },
        select: { id: true, body: true, bodyStorage: true, purgedAt: true },
      });
      const stored = downloads.find((d) => d.body);
      if (!stored)
        return {
          ok: false,
          reason: downloads.some((d) => d.purgedAt) ? "the data was purged by retention" : "no data was received for this person",
        };
      let plaintext: Buffer;
      try {
        // A plain datashare sealed at rest opens with the local key into the plain JSON MOSIP sent.
        const received =
          stored.bodyStorage === "LOCAL_KEY" ? openAtRest(stored.body!, getRuntimeDataKey(getEnv()), stored.id) : stored.body!;
        plaintext = decryptDatashare(received, getRuntimeKeyRing(getEnv())).plaintext;
      } catch (e) {
        return { ok: false, reason: `the datashare could not be decrypted: ${(e as Error).message}` };
      }
      const parsed = parseDatasharePayload(plaintext);
      if (!parsed.ok) return { ok: false, reason: parsed.reason };
      const problems = [...parsed.payload.warnings];
      let birs: Bir[] = [];
      if (parsed.payload.biometricsXml) {
        try {
          birs = parseCbeff(parsed.payload.biometricsXml).birs;
        } catch (e) {
          problems.push(`biometrics could not be read: ${(e as Error).message}`);
        }
      }
      return { ok: true, data: { payload: parsed.payload, birs, problems } };
    },
    (v) => approximateBytes(v),
  );
}
