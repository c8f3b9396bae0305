// The partner private keys the MAS can decrypt datashares with, indexed by certificate thumbprint.
//
// MOSIP names the recipient key inside every encrypted datashare by the SHA-256 of the partner
// certificate's DER encoding (keymanager CryptomanagerUtils). Several pairs are supported so a
// certificate can be rotated in MOSIP's partner management while shares made for the old one are
// still being read. Pure: takes PEM text; see load-key-ring.ts for reading files.

import { createHash, createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";

export type KeyRingErrorCode = "INVALID_KEY" | "INVALID_CERTIFICATE" | "NOT_RSA" | "KEY_CERT_MISMATCH" | "DUPLICATE_CERTIFICATE" | "CONFIG";

export class KeyRingError extends Error {
  readonly code: KeyRingErrorCode;
  constructor(code: KeyRingErrorCode, message: string) {
    super(message);
    this.name = "KeyRingError";
    this.code = code;
  }
}

export interface PartnerKeyPair {
  privateKeyPem: string;
  certificatePem: string;
  /** Used only in error messages (e.g. the file path), never the key itself. */
  label?: string;
}

export interface PartnerKey {
  thumbprint: Buffer;
  thumbprintHex: string;
  privateKey: KeyObject;
  certificate: X509Certificate;
  /** RSA modulus size in bytes = length of the wrapped AES key MOSIP produces for it. */
  modulusBytes: number;
  label: string;
}

export interface KeyRing extends DecryptionKeys {
  readonly keys: readonly PartnerKey[];
  find(thumbprint: Uint8Array): PartnerKey | undefined;
}

/**
 * What decrypting a datashare needs of a partner key. It crosses to a worker thread (structured clone keeps a
 * KeyObject a KeyObject, its key material never entering JavaScript); a certificate does not.
 */
export type DecryptionKey = Pick<PartnerKey, "thumbprintHex" | "privateKey" | "modulusBytes" | "label">;

/** Keys found by certificate thumbprint: a KeyRing, or decryptionKeys() in a worker thread. */
export interface DecryptionKeys {
  find(thumbprint: Uint8Array): DecryptionKey | undefined;
  thumbprintsHex(): string[];
}

export function decryptionKeys(keys: readonly DecryptionKey[]): DecryptionKeys {
  const byThumb = new Map(keys.map((k) => [k.thumbprintHex, k]));
  return {
    find: (t) => byThumb.get(Buffer.from(t.buffer, t.byteOffset, t.byteLength).toString("hex")),
    thumbprintsHex: () => keys.map((k) => k.thumbprintHex),
  };
}

/** A ring's keys in the form that crosses to a worker thread. */
export function portableKeys(ring: KeyRing): DecryptionKey[] {
  return ring.keys.map(({ thumbprintHex, privateKey, modulusBytes, label }) => ({ thumbprintHex, privateKey, modulusBytes, label }));
}

/** SHA-256 over the certificate DER. */
export function certificateThumbprint(cert: X509Certificate | string): Buffer {
  const c = typeof cert === "string" ? new X509Certificate(cert) : cert;
  return createHash("sha256").update(c.raw).digest();
}

export function createKeyRing(pairs: readonly PartnerKeyPair[]): KeyRing {
  const keys: PartnerKey[] = [];
  const byThumb = new Map<string, PartnerKey>();
  pairs.forEach((pair, i) => {
    const label = pair.label ?? `key pair ${i + 1}`;
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(pair.privateKeyPem);
    } catch {
      throw new KeyRingError("INVALID_KEY", `${label}: private key is not a readable unencrypted PEM key`);
    }
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(pair.certificatePem);
    } catch {
      throw new KeyRingError("INVALID_CERTIFICATE", `${label}: certificate is not a readable PEM/DER X.509 certificate`);
    }
    if (privateKey.asymmetricKeyType !== "rsa") {
      throw new KeyRingError("NOT_RSA", `${label}: MOSIP wraps datashare keys with RSA-OAEP; got a ${privateKey.asymmetricKeyType} key`);
    }
    if (!certificate.checkPrivateKey(privateKey)) {
      throw new KeyRingError(
        "KEY_CERT_MISMATCH",
        `${label}: private key does not belong to certificate "${certificate.subject.replace(/\n/g, ", ")}"`,
      );
    }
    const thumbprint = certificateThumbprint(certificate);
    const thumbprintHex = thumbprint.toString("hex");
    const dup = byThumb.get(thumbprintHex);
    if (dup) throw new KeyRingError("DUPLICATE_CERTIFICATE", `${label}: same certificate as ${dup.label} (${thumbprintHex})`);
    const modulusBits = privateKey.asymmetricKeyDetails?.modulusLength ?? 2048;
    const key: PartnerKey = { thumbprint, thumbprintHex, privateKey, certificate, modulusBytes: Math.ceil(modulusBits / 8), label };
    keys.push(key);
    byThumb.set(thumbprintHex, key);
  });
  return {
    keys,
    find: (t) => byThumb.get(Buffer.from(t.buffer, t.byteOffset, t.byteLength).toString("hex")),
    thumbprintsHex: () => keys.map((k) => k.thumbprintHex),
  };
}
