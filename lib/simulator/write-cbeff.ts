// MOSIP 1.2 CBEFF XML (ISO/IEC 19785-3 patron format), shaped like a registration packet's
// individualBiometrics (fixture cbeff/cbeff-sample-1.2-packet.xml): a wrapper <BIR> holding one
// <BIR> per biometric, BDB in standard base64, device metadata in <Others> Key/Value pairs.
// An exception biometric (missing finger, eye) has EXCEPTION=true and no BDB, as MOSIP's
// registration client writes it.

import type { SingleFingerPosition } from "@/lib/biometrics/positions";

export const CBEFF_NAMESPACE = "http://standards.iso.org/iso-iec/19785/-3/ed-2/";

export type CbeffModality = "Finger" | "Face" | "Iris";

export interface CbeffEntry {
  modality: CbeffModality;
  /** Finger position, or "LEFT"/"RIGHT" for an iris; null for the face. */
  position: SingleFingerPosition | "LEFT" | "RIGHT" | null;
  /** ISO 19794 record; null for an exception. */
  bdb: Uint8Array | null;
  quality: number;
  exception?: boolean;
  /** UUID for <BDBInfo><Index>. */
  index?: string;
  creationDate?: Date;
  retries?: number;
}

/** CBEFF format types registered by MOSIP: 7 finger image, 8 face image, 9 iris image. */
const FORMAT_TYPE: Record<CbeffModality, number> = { Finger: 7, Face: 8, Iris: 9 };

const FINGER_SUBTYPE: Record<SingleFingerPosition, string> = {
  RIGHT_THUMB: "Right Thumb",
  RIGHT_INDEX: "Right IndexFinger",
  RIGHT_MIDDLE: "Right MiddleFinger",
  RIGHT_RING: "Right RingFinger",
  RIGHT_LITTLE: "Right LittleFinger",
  LEFT_THUMB: "Left Thumb",
  LEFT_INDEX: "Left IndexFinger",
  LEFT_MIDDLE: "Left MiddleFinger",
  LEFT_RING: "Left RingFinger",
  LEFT_LITTLE: "Left LittleFinger",
};

export function cbeffSubtype(entry: Pick<CbeffEntry, "modality" | "position">): string {
  if (entry.modality === "Face" || entry.position === null) return "";
  if (entry.modality === "Iris") return entry.position === "LEFT" ? "Left" : "Right";
  return FINGER_SUBTYPE[entry.position as SingleFingerPosition];
}

export function writeCbeff(entries: readonly CbeffEntry[]): string {
  const birs = entries.map(writeBir).join("\n");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<BIR xmlns="${CBEFF_NAMESPACE}">
    <BIRInfo>
        <Integrity>false</Integrity>
    </BIRInfo>
${birs}
</BIR>
`;
}

function writeBir(e: CbeffEntry): string {
  const exception = e.exception === true || e.bdb === null;
  const created = (e.creationDate ?? new Date()).toISOString();
  const others: [string, string][] = [
    ["EXCEPTION", String(exception)],
    ["RETRIES", String(e.retries ?? 1)],
    ["SDK_SCORE", "0.0"],
    ["FORCE_CAPTURED", "false"],
    ["SPEC_VERSION", "0.9.5"],
  ];
  const bdb =
    exception || !e.bdb ? "" : `        <BDB>${Buffer.from(e.bdb.buffer, e.bdb.byteOffset, e.bdb.byteLength).toString("base64")}</BDB>\n`;
  return `    <BIR>
        <Version>
            <Major>1</Major>
            <Minor>1</Minor>
        </Version>
        <CBEFFVersion>
            <Major>1</Major>
            <Minor>1</Minor>
        </CBEFFVersion>
        <BIRInfo>
            <Integrity>false</Integrity>
        </BIRInfo>
        <BDBInfo>
${e.index ? `            <Index>${xml(e.index)}</Index>\n` : ""}            <Format>
                <Organization>Mosip</Organization>
                <Type>${FORMAT_TYPE[e.modality]}</Type>
            </Format>
            <CreationDate>${created}</CreationDate>
            <Type>${e.modality}</Type>
            <Subtype>${xml(cbeffSubtype(e))}</Subtype>
            <Level>Raw</Level>
            <Purpose>Enroll</Purpose>
            <Quality>
                <Algorithm>
                    <Organization>HMAC</Organization>
                    <Type>SHA-256</Type>
                </Algorithm>
                <Score>${exception ? 0 : Math.round(e.quality)}</Score>
            </Quality>
        </BDBInfo>
${bdb}${others
  .map(
    ([k, v]) => `        <Others>
            <Key>${xml(k)}</Key>
            <Value>${xml(v)}</Value>
        </Others>`,
  )
  .join("\n")}
    </BIR>`;
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
