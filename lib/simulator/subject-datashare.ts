// The datashare body for one scenario subject, built when it is first asked for (images are the
// expensive part) and cached, since the MAS may legitimately download a share more than once.

import type { X509Certificate } from "node:crypto";
import { FINGER_POSITIONS, type SingleFingerPosition } from "@/lib/biometrics/positions";
import { buildDatasharePayload, encodeDatashareBody, type DatashareEncryption, type DatasharePayload } from "./build-datashare";
import { createRng, hashSeed } from "./prng";
import type { SimSubject } from "./scenario";
import { generateSubjectCbeff } from "./subject-cbeff";
import { verificationDocuments } from "./synthetic-documents";
import { flattenIdentity, toIdentityJson } from "./synthetic-identity";
import type { FingerCompression } from "./iso/write-finger-record";

export interface SubjectDatashareOptions {
  encryption: DatashareEncryption;
  certificate?: X509Certificate | string | null;
  fingerCodec?: FingerCompression;
  /** Number of fingers a verification subject has marked as exceptions (default 4). */
  verificationExceptions?: number;
  /** The `biometrics` field of this registration's earlier datashare: reused instead of synthesised again. */
  biometrics?: string;
}

export async function buildSubjectPayload(
  subject: SimSubject,
  opts: Pick<SubjectDatashareOptions, "fingerCodec" | "verificationExceptions" | "biometrics"> = {},
): Promise<DatasharePayload> {
  const rng = createRng(hashSeed(subject.captureSeed, "datashare"));
  const verification = subject.kind === "VERIFICATION";
  const documentNames = verification ? ["proofOfAddress", "proofOfIdentity"] : [];
  const identityJson = toIdentityJson(subject.profile, { documents: documentNames });
  // Verification is what MOSIP does when biometrics could not be captured: show it in the CBEFF.
  const exceptions: SingleFingerPosition[] = verification ? pickFingers(rng.fork("exceptions"), opts.verificationExceptions ?? 4) : [];
  // A registration served before keeps its biometrics: the same images, not a new capture.
  const cbeffXml =
    opts.biometrics === undefined
      ? await generateSubjectCbeff(
          { personSeed: subject.personSeed, captureSeed: subject.captureSeed, female: subject.female },
          { exceptions, fingerCodec: opts.fingerCodec },
        )
      : null;
  const payload = buildDatasharePayload({
    rid: subject.rid,
    cbeffXml,
    identity: subject.source === "idrepo" ? flattenIdrepo(identityJson) : flattenIdentity(identityJson),
    documents: verification ? await verificationDocuments(rng.fork("documents")) : null,
    registrationType: "NEW",
    createdAt: new Date(),
  });
  return opts.biometrics === undefined ? payload : { ...payload, biometrics: opts.biometrics };
}

export async function buildSubjectBody(subject: SimSubject, opts: SubjectDatashareOptions): Promise<string> {
  return encodeDatashareBody(await buildSubjectPayload(subject, opts), opts);
}

/** ID-repository source: every value through ObjectMapper.writeValueAsString (contract notes 4.3). */
export function flattenIdrepo(identity: Record<string, unknown>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(identity)) out[k] = v === null || v === undefined ? null : JSON.stringify(v);
  return out;
}

function pickFingers(rng: ReturnType<typeof createRng>, n: number): SingleFingerPosition[] {
  const pool = [...FINGER_POSITIONS];
  const out: SingleFingerPosition[] = [];
  while (out.length < Math.min(n, pool.length)) {
    const p = pool.splice(rng.int(0, pool.length - 1), 1)[0];
    out.push(p);
  }
  return out;
}
