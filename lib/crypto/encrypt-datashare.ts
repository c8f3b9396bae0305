// MOSIP's side of datashare encryption, for the simulator and tests: produces bodies in both
// layouts of datashare-format.ts for a partner certificate.

import { constants, createCipheriv, publicEncrypt, randomBytes, X509Certificate } from "node:crypto";
import {
  GCM_NONCE_LENGTH,
  GCM_TAG_LENGTH,
  KEY_SPLITTER,
  LEGACY_IV_LENGTH,
  R2_RANDOM_LENGTH,
  VERSION_R2,
  type EncryptedDatashareFormat,
} from "./datashare-format";
import { certificateThumbprint } from "./key-ring";

export interface EncryptDatashareOptions {
  /** Default VER_R2 (MOSIP 1.2.0+). */
  format?: EncryptedDatashareFormat;
  /** Default base64url without padding, as MOSIP 1.2 serves it; "base64" mimics older releases. */
  encoding?: "base64url" | "base64";
}

export function encryptDatashare(
  plaintext: Uint8Array | string,
  certificate: X509Certificate | string,
  opts: EncryptDatashareOptions = {},
): string {
  const cert = typeof certificate === "string" ? new X509Certificate(certificate) : certificate;
  const data = typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext;
  const format = opts.format ?? "VER_R2";

  const aesKey = randomBytes(32);
  const wrappedKey = publicEncrypt({ key: cert.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, aesKey);
  const thumbprint = certificateThumbprint(cert);

  let block1: Buffer;
  let block2: Buffer;
  if (format === "VER_R2") {
    const random = randomBytes(R2_RANDOM_LENGTH);
    const cipher = createCipheriv("aes-256-gcm", aesKey, random.subarray(0, GCM_NONCE_LENGTH), { authTagLength: GCM_TAG_LENGTH });
    cipher.setAAD(random);
    const ct = Buffer.concat([cipher.update(data), cipher.final()]);
    block1 = Buffer.concat([VERSION_R2, thumbprint, wrappedKey]);
    block2 = Buffer.concat([random, ct, cipher.getAuthTag()]);
  } else {
    const iv = randomBytes(LEGACY_IV_LENGTH);
    const cipher = createCipheriv("aes-256-gcm", aesKey, iv, { authTagLength: GCM_TAG_LENGTH });
    const ct = Buffer.concat([cipher.update(data), cipher.final()]);
    block1 = Buffer.concat([thumbprint, wrappedKey]);
    block2 = Buffer.concat([ct, cipher.getAuthTag(), iv]);
  }
  aesKey.fill(0);

  const body = Buffer.concat([block1, KEY_SPLITTER, block2]);
  return opts.encoding === "base64" ? body.toString("base64") : body.toString("base64url");
}
