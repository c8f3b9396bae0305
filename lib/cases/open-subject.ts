// One subject's stored datashare body → its payload and biometrics: open the local seal, decrypt, parse the payload
// JSON and the CBEFF XML. Pure and CPU-heavy (several MB of base64, JSON and XML for a full registration), so it
// runs in a worker thread (subject-worker-entry.ts, through subject-opener.ts); it imports nothing server-only.
// Errors name what failed, never the data: decryption and parse errors carry no plaintext.

import { parseCbeff, type Bir } from "@/lib/biometrics/cbeff/parse-cbeff";
import { decryptDatashare } from "@/lib/crypto/decrypt-datashare";
import type { DecryptionKeys } from "@/lib/crypto/key-ring";
import { openAtRest } from "@/lib/crypto/seal-at-rest";
import { parseDatasharePayload, type DatasharePayload } from "@/lib/mosip/datashare-envelope";

export interface SubjectData {
  /** The payload without its CBEFF XML, which is parsed into `birs` here and not needed again. */
  payload: Omit<DatasharePayload, "biometricsXml">;
  birs: Bir[];
  /** Why something could not be read, e.g. a corrupt CBEFF; the rest is still shown. */
  problems: string[];
}

export type SubjectLoad = { ok: true; data: SubjectData } | { ok: false; reason: string };

/** A stored DatashareDownload body and what it takes to open it. */
export interface StoredBody {
  /** The row's id: a body sealed at rest is bound to it. */
  id: string;
  body: Uint8Array;
  /** RECEIVED: as MOSIP sent it (partner-encrypted, or plain where allowed); LOCAL_KEY: sealed under the data key. */
  bodyStorage: "RECEIVED" | "LOCAL_KEY";
}

/** The keys a subject is opened with; a worker gets them once, when it starts. */
export interface SubjectKeys {
  partner: DecryptionKeys | null;
  /** The local data key of sealed plain bodies, or why there is none (e.g. MAS_DATA_KEY_FILE unset in production). */
  dataKey: { ok: true; key: Buffer } | { ok: false; reason: string };
}

export function openSubject(stored: StoredBody, keys: SubjectKeys): SubjectLoad {
  let plaintext: Buffer;
  try {
    // A plain datashare sealed at rest opens with the local key into the plain JSON MOSIP sent.
    let received: Uint8Array = stored.body;
    if (stored.bodyStorage === "LOCAL_KEY") {
      if (!keys.dataKey.ok) throw new Error(keys.dataKey.reason);
      received = openAtRest(stored.body, keys.dataKey.key, stored.id);
    }
    plaintext = decryptDatashare(received, keys.partner).plaintext;
  } catch (e) {
    return { ok: false, reason: `the datashare could not be decrypted: ${(e as Error).message}` };
  }
  const parsed = parseDatasharePayload(plaintext);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const { biometricsXml, ...payload } = parsed.payload;
  const problems = [...payload.warnings];
  let birs: Bir[] = [];
  if (biometricsXml) {
    try {
      birs = parseCbeff(biometricsXml).birs;
    } catch (e) {
      problems.push(`biometrics could not be read: ${(e as Error).message}`);
    }
  }
  return { ok: true, data: { payload, birs, problems } };
}
