// Turning a datashare HTTP body into plaintext bytes.
//
// The body is used exactly as received: with policy encryptionType "none" it is the payload JSON
// itself; with partner-based encryption it is the base64 text described in datashare-format.ts.
// MOSIP error envelopes are plain JSON too, so they come out as format "PLAIN": run
// detectDatashareError (lib/mosip/datashare-envelope.ts) on the result before parsing the payload.
//
// Errors carry a code per failure kind so operators can tell "wrong key configured" from
// "corrupted download" from "not a datashare at all". They never include plaintext or key material.

import { constants, createDecipheriv, privateDecrypt } from "node:crypto";
import {
  GCM_NONCE_LENGTH,
  GCM_TAG_LENGTH,
  KEY_SPLITTER,
  LEGACY_IV_LENGTH,
  R2_RANDOM_LENGTH,
  THUMBPRINT_LENGTH,
  VERSION_R2,
  type EncryptedDatashareFormat,
} from "./datashare-format";
import type { DecryptionKey, DecryptionKeys } from "./key-ring";

export type DatashareDecryptErrorCode = "UNKNOWN_THUMBPRINT" | "BAD_TAG" | "TRUNCATED" | "NOT_DATASHARE" | "RSA_FAILED";

export class DatashareDecryptError extends Error {
  readonly code: DatashareDecryptErrorCode;
  constructor(code: DatashareDecryptErrorCode, message: string) {
    super(message);
    this.name = "DatashareDecryptError";
    this.code = code;
  }
}

export interface DecryptedDatashare {
  format: "PLAIN" | EncryptedDatashareFormat;
  plaintext: Buffer;
  /** Thumbprint named in the body (hex); null for plain bodies. */
  thumbprintHex: string | null;
  /** Label of the key ring entry used; null for plain bodies. */
  keyLabel: string | null;
}

const BASE64_ANY = /^[A-Za-z0-9_\-+/]+={0,2}$/;

export function decryptDatashare(body: Uint8Array | string, keyRing: DecryptionKeys | null): DecryptedDatashare {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const text = bytes.toString("utf8").trim();

  if (text.startsWith("{")) {
    if (isJsonObject(text)) return { format: "PLAIN", plaintext: bytes, thumbprintHex: null, keyLabel: null };
    throw new DatashareDecryptError("NOT_DATASHARE", "body starts like JSON but is not a complete JSON object (truncated download?)");
  }

  let decoded: Buffer;
  const compact = text.replace(/\s+/g, "");
  if (compact.length > 0 && BASE64_ANY.test(compact) && compact.length % 4 !== 1) {
    decoded = Buffer.from(compact.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""), "base64url");
  } else if (bytes.includes(KEY_SPLITTER)) {
    // Already-decoded binary (e.g. a caller that base64-decoded for us): '#' never occurs in base64.
    decoded = bytes;
  } else {
    throw new DatashareDecryptError(
      "NOT_DATASHARE",
      `body (${bytes.length} bytes) is neither a JSON object nor base64 text; check the URL and the datashare policy`,
    );
  }

  const split = decoded.indexOf(KEY_SPLITTER);
  if (split < 0) {
    throw new DatashareDecryptError("NOT_DATASHARE", `base64 body decodes to ${decoded.length} bytes without the #KEY_SPLITTER# marker`);
  }
  const block1 = decoded.subarray(0, split);
  const block2 = decoded.subarray(split + KEY_SPLITTER.length);

  const format: EncryptedDatashareFormat = startsWith(block1, VERSION_R2) ? "VER_R2" : "LEGACY";
  const prefix = format === "VER_R2" ? VERSION_R2.length : 0;
  if (block1.length <= prefix + THUMBPRINT_LENGTH) {
    throw new DatashareDecryptError(
      "TRUNCATED",
      `Block1 (key block) is ${block1.length} bytes; ${format} needs ${prefix ? "6 version + " : ""}32 thumbprint bytes plus the RSA-wrapped key`,
    );
  }
  const thumbprint = block1.subarray(prefix, prefix + THUMBPRINT_LENGTH);
  const wrappedKey = block1.subarray(prefix + THUMBPRINT_LENGTH);
  const thumbprintHex = thumbprint.toString("hex");

  const key = keyRing?.find(thumbprint);
  if (!key) {
    const configured = keyRing?.thumbprintsHex() ?? [];
    throw new DatashareDecryptError(
      "UNKNOWN_THUMBPRINT",
      `datashare was encrypted for certificate thumbprint ${thumbprintHex}; configured: ${configured.length ? configured.join(", ") : "none"}. ` +
        "Configure the private key of the certificate MOSIP holds for this partner.",
    );
  }

  const minBlock2 = format === "VER_R2" ? R2_RANDOM_LENGTH + GCM_TAG_LENGTH : GCM_TAG_LENGTH + LEGACY_IV_LENGTH;
  if (block2.length < minBlock2) {
    throw new DatashareDecryptError(
      "TRUNCATED",
      `Block2 (data block) is ${block2.length} bytes; ${format} needs at least ${minBlock2} ` +
        (format === "VER_R2" ? "(32-byte AAD/nonce + 16-byte tag)" : "(16-byte tag + 16-byte IV)"),
    );
  }
  if (wrappedKey.length < key.modulusBytes) {
    throw new DatashareDecryptError(
      "TRUNCATED",
      `Block1 (key block): wrapped AES key is ${wrappedKey.length} bytes, the ${key.modulusBytes * 8}-bit RSA key needs ${key.modulusBytes}`,
    );
  }

  const aesKey = unwrapKey(wrappedKey, key);
  const plaintext =
    format === "VER_R2"
      ? gcmDecrypt(
          aesKey,
          block2.subarray(0, GCM_NONCE_LENGTH),
          block2.subarray(R2_RANDOM_LENGTH, block2.length - GCM_TAG_LENGTH),
          block2.subarray(block2.length - GCM_TAG_LENGTH),
          block2.subarray(0, R2_RANDOM_LENGTH),
        )
      : gcmDecrypt(
          aesKey,
          block2.subarray(block2.length - LEGACY_IV_LENGTH),
          block2.subarray(0, block2.length - LEGACY_IV_LENGTH - GCM_TAG_LENGTH),
          block2.subarray(block2.length - LEGACY_IV_LENGTH - GCM_TAG_LENGTH, block2.length - LEGACY_IV_LENGTH),
          null,
        );
  return { format, plaintext, thumbprintHex, keyLabel: key.label };
}

function unwrapKey(wrapped: Buffer, key: DecryptionKey): Buffer {
  if (wrapped.length !== key.modulusBytes) {
    throw new DatashareDecryptError(
      "RSA_FAILED",
      `Block1 (key block): wrapped AES key is ${wrapped.length} bytes, expected exactly ${key.modulusBytes} for ${key.label}`,
    );
  }
  let aesKey: Buffer;
  try {
    // oaepHash sets the OAEP digest; OpenSSL uses the same digest for MGF1 unless told otherwise,
    // which is what MOSIP does (SHA-256 + MGF1-SHA-256). Java's default MGF1-SHA1 would not match.
    aesKey = privateDecrypt({ key: key.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, wrapped);
  } catch {
    throw new DatashareDecryptError(
      "RSA_FAILED",
      `RSA-OAEP (SHA-256, MGF1-SHA-256) unwrap of the AES key failed with ${key.label} (thumbprint ${key.thumbprintHex}); ` +
        "the key block is corrupt or was wrapped with other OAEP parameters",
    );
  }
  if (aesKey.length !== 16 && aesKey.length !== 24 && aesKey.length !== 32) {
    throw new DatashareDecryptError("RSA_FAILED", `unwrapped AES key has ${aesKey.length} bytes; expected 32`);
  }
  return aesKey;
}

function gcmDecrypt(key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer | null): Buffer {
  const algorithm = `aes-${key.length * 8}-gcm` as "aes-256-gcm";
  const decipher = createDecipheriv(algorithm, key, iv, { authTagLength: GCM_TAG_LENGTH });
  decipher.setAuthTag(tag);
  if (aad) decipher.setAAD(aad);
  const head = decipher.update(ciphertext);
  try {
    return Buffer.concat([head, decipher.final()]);
  } catch {
    head.fill(0); // unauthenticated plaintext must not linger
    throw new DatashareDecryptError(
      "BAD_TAG",
      "AES-GCM authentication failed: the data block was altered or truncated, or was not encrypted with this AES key",
    );
  }
}

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === "object" && !Array.isArray(v);
  } catch {
    return false;
  }
}

function startsWith(b: Buffer, prefix: Buffer): boolean {
  return b.length >= prefix.length && b.subarray(0, prefix.length).equals(prefix);
}
