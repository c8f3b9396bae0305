// One synthesis job: the datashare bodies of every subject of one request, built together so that a true
// duplicate reuses the ridges grown for its applicant (the ridge cache is per thread). Runs in a synthesis
// worker (packet-worker-entry.ts) or, when the worker bundle is unavailable, on the calling thread.
//
// A subject MOSIP already holds (a registration the packet stock made for an earlier request, back as a gallery
// candidate) comes with its biometrics already encoded: only its datashare is written and encrypted again, as
// MOSIP's datashare service does for every share of the same registration.

import type { DatashareEncryption } from "./build-datashare";
import type { FingerCompression } from "./iso/write-finger-record";
import type { SimSubject } from "./scenario";
import { buildSubjectPayload } from "./subject-datashare";
import { encodeDatashareBody } from "./build-datashare";

export interface PacketJob {
  subjects: SimSubject[];
  /** Per subject, the datashare's `biometrics` field of a registration made before; null = synthesise it. */
  biometrics?: (string | null)[];
  /** Also answer each subject's `biometrics` field, so that the caller can serve the registration again. */
  returnBiometrics?: boolean;
  encryption: DatashareEncryption;
  /** PEM: a certificate object cannot cross a thread boundary. */
  certificatePem: string | null;
  fingerCodec?: FingerCompression;
  verificationExceptions?: number;
}

export interface PacketResult {
  /** UTF-8 bodies in subject order, each in a buffer of its own so it can be transferred rather than copied. */
  bodies: Uint8Array[];
  /** Each subject's `biometrics` field (base64url CBEFF), when the job asked for them. */
  biometrics: (string | null)[] | null;
}

export async function buildPacket(job: PacketJob): Promise<PacketResult> {
  const bodies: Uint8Array[] = [];
  const biometrics: (string | null)[] = [];
  for (const [i, subject] of job.subjects.entries()) {
    const payload = await buildSubjectPayload(subject, {
      fingerCodec: job.fingerCodec,
      verificationExceptions: job.verificationExceptions,
      biometrics: job.biometrics?.[i] ?? undefined,
    });
    const body = encodeDatashareBody(payload, { encryption: job.encryption, certificate: job.certificatePem });
    bodies.push(new Uint8Array(Buffer.from(body, "utf8")));
    biometrics.push(payload.biometrics);
  }
  return { bodies, biometrics: job.returnBiometrics ? biometrics : null };
}
