// One synthesis job: the datashare bodies of every subject of one request, built together so that a true
// duplicate reuses the ridges grown for its applicant (the ridge cache is per thread). Runs in a synthesis
// worker (packet-worker-entry.ts) or, when the worker bundle is unavailable, on the calling thread.

import type { DatashareEncryption } from "./build-datashare";
import type { FingerCompression } from "./iso/write-finger-record";
import type { SimSubject } from "./scenario";
import { buildSubjectBody } from "./subject-datashare";

export interface PacketJob {
  subjects: SimSubject[];
  encryption: DatashareEncryption;
  /** PEM: a certificate object cannot cross a thread boundary. */
  certificatePem: string | null;
  fingerCodec?: FingerCompression;
  verificationExceptions?: number;
}

/** UTF-8 bodies in subject order, each in a buffer of its own so it can be transferred rather than copied. */
export async function buildPacketBodies(job: PacketJob): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const subject of job.subjects) {
    const body = await buildSubjectBody(subject, {
      encryption: job.encryption,
      certificate: job.certificatePem,
      fingerCodec: job.fingerCodec,
      verificationExceptions: job.verificationExceptions,
    });
    out.push(new Uint8Array(Buffer.from(body, "utf8")));
  }
  return out;
}
