import { IsoRecordError } from "./iso-record-error";
import { parseFaceRecord } from "./parse-face-record";
import { parseFingerRecord } from "./parse-finger-record";
import { parseIrisRecord } from "./parse-iris-record";
import { describeMagic } from "./record-header";
import type { IsoRecord } from "./types";

const PARSERS: Record<string, (buf: Uint8Array) => IsoRecord> = {
  "FIR\0": parseFingerRecord,
  "FAC\0": parseFaceRecord,
  "IIR\0": parseIrisRecord,
};

/** Parses any ISO 19794-4/-5/-6 record, choosing the parser from its 4-byte magic. */
export function parseIsoRecord(input: Uint8Array): IsoRecord {
  if (input.length < 4) {
    throw new IsoRecordError(`truncated record: ${input.length} byte(s), too short for a format identifier`, {
      field: "format identifier",
      offset: 0,
    });
  }
  const magic = String.fromCharCode(input[0], input[1], input[2], input[3]);
  const parse = PARSERS[magic];
  if (!parse) {
    throw new IsoRecordError(
      `unknown biometric record: format identifier at offset 0 is ${describeMagic(input)} (expected FIR, FAC or IIR)`,
      { field: "format identifier", offset: 0 },
    );
  }
  return parse(input);
}
