// The body a MOSIP datashare GET returns for a manual adjudication / verification subject
// (MA/dto/DataShareRequestDto.java, contract notes 4.3):
//   { biometrics: base64url-no-padding(CBEFF XML), identity: {field: string}, documents: {field:
//     base64url(file)}, metaInfo: "<JSON text>", audits: "<JSON text>" }
// then, per the datashare policy, either served as is (encryptionType none) or encrypted for the
// MAS partner certificate (VER_R2 since 1.2.0, or the legacy layout).

import type { X509Certificate } from "node:crypto";
import { encryptDatashare } from "@/lib/crypto/encrypt-datashare";

export type DatashareEncryption = "VER_R2" | "LEGACY" | "none";

export interface DatasharePayloadInput {
  rid: string;
  cbeffXml: string | null;
  /** Packet-source identity: every value a string or null (see flattenIdentity). */
  identity: Record<string, string | null> | null;
  documents?: Record<string, Uint8Array | null> | null;
  registrationType?: string;
  createdAt: Date;
}

export interface DatasharePayload {
  biometrics: string | null;
  identity: Record<string, string | null> | null;
  documents: Record<string, string | null> | null;
  metaInfo: string | null;
  audits: string | null;
}

export function buildDatasharePayload(input: DatasharePayloadInput): DatasharePayload {
  const documents = input.documents
    ? Object.fromEntries(Object.entries(input.documents).map(([k, v]) => [k, v === null ? null : base64url(v)]))
    : null;
  return {
    biometrics: input.cbeffXml === null ? null : base64url(Buffer.from(input.cbeffXml, "utf8")),
    identity: input.identity,
    documents,
    metaInfo: JSON.stringify(metaInfo(input)),
    audits: JSON.stringify(audits(input)),
  };
}

/** The HTTP body the datashare service stores and serves. */
export function encodeDatashareBody(
  payload: DatasharePayload,
  opts: { encryption: DatashareEncryption; certificate?: X509Certificate | string | null },
): string {
  const json = JSON.stringify(payload);
  if (opts.encryption === "none") return json;
  if (!opts.certificate) throw new Error(`datashare encryption ${opts.encryption} needs the partner certificate`);
  return encryptDatashare(json, opts.certificate, { format: opts.encryption });
}

/** kernel CryptoUtil.encodeToURLSafeBase64: URL-safe alphabet, no padding. */
export function base64url(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("base64url");
}

// Packet manager getMetaInfo: a flat string map whose values are themselves JSON text.
function metaInfo(input: DatasharePayloadInput): Record<string, string> {
  const created = input.createdAt.toISOString();
  const labelled = (pairs: [string, string | null][]) => JSON.stringify(pairs.map(([label, value]) => ({ label, value })));
  return {
    registrationId: input.rid,
    creationDate: created,
    registrationType: input.registrationType ?? "NEW",
    metaData: labelled([
      ["registrationType", input.registrationType ?? "NEW"],
      ["preRegistrationId", null],
      ["centerId", input.rid.slice(0, 5)],
      ["machineId", input.rid.slice(5, 10)],
      ["langCodes", "eng,ara"],
    ]),
    operationsData: labelled([
      ["officerId", "110006"],
      ["supervisorId", null],
      ["officerBiometricFileName", null],
    ]),
    capturedRegisteredDevices: JSON.stringify([{ deviceServiceVersion: "0.9.5", digitalId: "synthetic" }]),
  };
}

function audits(input: DatasharePayloadInput): Record<string, string>[] {
  const at = input.createdAt.toISOString();
  return [
    {
      eventId: "REG-EVT-001",
      eventName: "REGISTRATION_START",
      eventType: "USER",
      actionTimeStamp: at,
      id: input.rid,
      idType: "REGISTRATION_ID",
      applicationId: "REG",
      applicationName: "REGISTRATION",
      moduleId: "REG-MOD-100",
      moduleName: "Registration",
    },
    {
      eventId: "REG-EVT-066",
      eventName: "PACKET_CREATED",
      eventType: "SYSTEM",
      actionTimeStamp: at,
      id: input.rid,
      idType: "REGISTRATION_ID",
      applicationId: "REG",
      applicationName: "REGISTRATION",
      moduleId: "REG-MOD-103",
      moduleName: "Packet Handler",
    },
  ];
}
