import { createHash } from "node:crypto";
import { isPlainDatashare, sealAtRest } from "@/lib/crypto/seal-at-rest";

export type BodyStorage = "RECEIVED" | "LOCAL_KEY";

/** What is written to DatashareDownload: the stored bytes, how they are protected, and the received body's digest. */
export interface StoredBody {
  body: Buffer;
  storage: BodyStorage;
  /** Of the body as received, so what was reviewed can be proved whatever the storage. */
  sha256: string;
  size: number;
}

export type ProtectOutcome = { ok: true; stored: StoredBody } | { ok: false; code: string; message: string; permanent: true };

/**
 * Partner-encrypted bodies are stored as received (the partner key protects them). A plain body is refused
 * (policy "refuse") or sealed under the local data key, bound to its row's id.
 */
export function protectBody(
  received: Buffer,
  opts: { plaintext: "refuse" | "seal"; dataKey: () => Buffer; downloadId: string },
): ProtectOutcome {
  const sha256 = createHash("sha256").update(received).digest("hex");
  if (!isPlainDatashare(received)) return { ok: true, stored: { body: received, storage: "RECEIVED", sha256, size: received.length } };
  if (opts.plaintext === "refuse") {
    return {
      ok: false,
      code: "PLAINTEXT_REFUSED",
      message:
        'datashare is not encrypted (MOSIP policy encryptionType "none"); refused in production: give the adjudication policy ' +
        "partner-based encryption, or set MAS_ALLOW_PLAINTEXT_DATASHARE=true with MAS_DATA_KEY_FILE",
      permanent: true,
    };
  }
  const sealed = sealAtRest(received, opts.dataKey(), opts.downloadId);
  return { ok: true, stored: { body: sealed, storage: "LOCAL_KEY", sha256, size: received.length } };
}
