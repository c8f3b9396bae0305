// A partner key pair + self-signed certificate for demos, the MOSIP simulator and tests.
// Real deployments use the key whose certificate was uploaded to MOSIP's partner management for
// `mpartner-default-adjudication`; MOSIP encrypts datashares for that certificate.

import { createHash, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from "node:crypto";
import * as der from "./der";

const SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
const COMMON_NAME = "2.5.4.3";
const ORGANIZATION = "2.5.4.10";
const BASIC_CONSTRAINTS = "2.5.29.19";
const KEY_USAGE = "2.5.29.15";
const SUBJECT_KEY_ID = "2.5.29.14";

export interface PartnerKeyOptions {
  commonName?: string;
  organization?: string;
  validDays?: number;
  /** Start of validity (default: now minus a minute, to survive small clock skew). */
  notBefore?: Date;
  modulusLength?: number;
}

export interface GeneratedPartnerKey {
  privateKey: KeyObject;
  /** PKCS#8 PEM. */
  privateKeyPem: string;
  certificatePem: string;
  certificate: X509Certificate;
  /** SHA-256 of the certificate DER, hex: what MOSIP writes into encrypted datashares. */
  thumbprintHex: string;
}

export function generatePartnerKey(opts: PartnerKeyOptions = {}): GeneratedPartnerKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: opts.modulusLength ?? 2048 });
  const certificatePem = createSelfSignedCertificate(privateKey, publicKey, opts);
  const certificate = new X509Certificate(certificatePem);
  return {
    privateKey,
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    certificatePem,
    certificate,
    thumbprintHex: createHash("sha256").update(certificate.raw).digest("hex"),
  };
}

/** X.509 v3, sha256WithRSAEncryption, issuer = subject. Returns PEM. */
export function createSelfSignedCertificate(privateKey: KeyObject, publicKey: KeyObject, opts: PartnerKeyOptions = {}): string {
  const validDays = opts.validDays ?? 365;
  if (!Number.isFinite(validDays) || validDays <= 0) throw new RangeError(`validDays must be positive, got ${validDays}`);
  const notBefore = opts.notBefore ?? new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore.getTime() + validDays * 86_400_000);

  const name = der.sequence(
    ...(opts.organization ? [rdn(ORGANIZATION, opts.organization)] : []),
    rdn(COMMON_NAME, opts.commonName ?? "mas-partner"),
  );
  const spki = publicKey.export({ type: "spki", format: "der" });
  const algorithm = der.sequence(der.objectIdentifier(SHA256_WITH_RSA), der.nullValue());

  // Serial: 16 random octets, top bit cleared so the INTEGER stays positive and <= 20 octets.
  const serial = randomBytes(16);
  serial[0] &= 0x7f;

  const extensions = der.sequence(
    extension(BASIC_CONSTRAINTS, true, der.sequence()), // cA FALSE (default, so omitted)
    // digitalSignature(0), keyEncipherment(2), dataEncipherment(3): MOSIP wraps the AES key with it.
    extension(KEY_USAGE, true, der.namedBits([0, 2, 3])),
    extension(SUBJECT_KEY_ID, false, der.octetString(subjectKeyId(spki))),
  );

  const tbs = der.sequence(
    der.explicit(0, der.smallInteger(2)), // v3
    der.unsignedInteger(serial),
    algorithm,
    name,
    der.sequence(der.time(notBefore), der.time(notAfter)),
    name,
    spki,
    der.explicit(3, extensions),
  );
  const signature = sign("sha256", tbs, privateKey);
  const cert = der.sequence(tbs, algorithm, der.bitString(signature));
  return toPem(cert, "CERTIFICATE");
}

function rdn(oid: string, value: string): Buffer {
  return der.set(der.sequence(der.objectIdentifier(oid), der.utf8String(value)));
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return der.sequence(der.objectIdentifier(oid), ...(critical ? [der.boolean(true)] : []), der.octetString(value));
}

/** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING contents. */
function subjectKeyId(spkiDer: Buffer): Buffer {
  // SPKI = SEQUENCE { AlgorithmIdentifier, BIT STRING }; the key bits are the last TLV.
  const outer = readHeader(spkiDer, 0);
  const alg = readHeader(spkiDer, outer.contentStart);
  const bits = readHeader(spkiDer, alg.contentStart + alg.length);
  const keyBits = spkiDer.subarray(bits.contentStart + 1, bits.contentStart + bits.length);
  return createHash("sha1").update(keyBits).digest();
}

function readHeader(buf: Buffer, at: number): { contentStart: number; length: number } {
  const first = buf[at + 1];
  if (first < 0x80) return { contentStart: at + 2, length: first };
  const n = first & 0x7f;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + buf[at + 2 + i];
  return { contentStart: at + 2 + n, length };
}

function toPem(derBytes: Buffer, label: string): string {
  const b64 = derBytes
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}
