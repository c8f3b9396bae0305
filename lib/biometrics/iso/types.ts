import type { EyeSide, FingerPosition } from "../positions";

/**
 * Image encodings normalised across the three ISO parts and their editions
 * (each numbers its compression codes differently). JPEG_LS only occurs in
 * 2005 iris records; UNKNOWN keeps a record with a reserved code readable so
 * its metadata can still be shown.
 */
export type ImageCodec = "JPEG2000" | "WSQ" | "JPEG" | "PNG" | "RAW" | "RAW_PACKED" | "JPEG_LS" | "UNKNOWN";

export type IsoFormat = "FIR" | "FAC" | "IIR";
export type IsoModality = "Finger" | "Face" | "Iris";

export interface QualityBlock {
  /** 0-100; null when the record says the score could not be computed (255) or is out of range. */
  score: number | null;
  /** Null in 2005 records, which carry a bare score. */
  algorithmVendorId: number | null;
  algorithmId: number | null;
}

/** Fields every image representation has, whatever the modality. */
export interface IsoImageRepresentation {
  /** 0-based order inside the record. */
  index: number;
  /** ISO-8601 UTC, or null when absent (2005 editions) or not a valid date. */
  captureDate: string | null;
  qualityBlocks: QualityBlock[];
  certificationBlockCount: number;
  width: number;
  height: number;
  /** Bits per pixel (or per grey sample) as declared; null when the record has no such field (face). */
  bitDepth: number | null;
  codec: ImageCodec;
  /** The raw code from the record, for display and diagnostics. */
  codecCode: number;
  /** True/false when the record states it; null when it does not say. */
  lossless: boolean | null;
  /** Colour model as declared by the record, used to unpack RAW images. */
  colour: "grey" | "rgb" | "unknown";
  /** The encoded image exactly as stored (zero-copy view into the input). */
  image: Buffer;
}

export interface FingerRepresentation extends IsoImageRepresentation {
  position: FingerPosition;
  positionCode: number;
  impressionType: number;
  /** View number (2005) or representation number (2011). */
  viewNumber: number;
  scaleUnits: number;
  imageResolution: { horizontal: number; vertical: number };
}

export interface FaceRepresentation extends IsoImageRepresentation {
  faceImageType: number;
  colourSpace: number;
  landmarkCount: number;
}

export interface IrisRepresentation extends IsoImageRepresentation {
  eye: EyeSide;
  eyeCode: number;
  imageType: number | null;
}

interface IsoRecordBase<M extends IsoModality, F extends IsoFormat, R extends IsoImageRepresentation> {
  modality: M;
  format: F;
  /** Three ASCII digits, e.g. "020". */
  version: string;
  /** Length the record declares; the parse never reads beyond it. */
  recordLength: number;
  certificationFlag: number;
  /** Bytes present in the input after the declared record end (ignored). */
  trailingBytes: number;
  representations: R[];
}

export type FingerRecord = IsoRecordBase<"Finger", "FIR", FingerRepresentation>;
export type FaceRecord = IsoRecordBase<"Face", "FAC", FaceRepresentation>;
export type IrisRecord = IsoRecordBase<"Iris", "IIR", IrisRepresentation>;
export type IsoRecord = FingerRecord | FaceRecord | IrisRecord;
