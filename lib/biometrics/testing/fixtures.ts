// Test-only helpers: locations of the MOSIP sample files copied into
// test/fixtures/mosip and what each sample is known to contain.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ImageCodec, IsoModality } from "../iso/types";

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "test", "fixtures", "mosip");

export function readFixture(relativePath: string): Buffer {
  return readFileSync(join(FIXTURE_DIR, relativePath));
}

export interface IsoSample {
  file: string;
  modality: IsoModality;
  version: string;
  width: number;
  height: number;
  codec: ImageCodec;
  channels: number;
  /** Where the image bytes start and how many there are, worked out by hand from the hex dump. */
  imageOffset: number;
  imageLength: number;
  position: string | null;
  lossless: boolean | null;
}

export const ISO_SAMPLES: readonly IsoSample[] = [
  {
    file: "iso/finger-fir020-jp2-lossless-left-index.iso",
    modality: "Finger",
    version: "020",
    width: 280,
    height: 448,
    codec: "JPEG2000",
    channels: 1,
    imageOffset: 69,
    imageLength: 98650,
    position: "LEFT_INDEX",
    lossless: true,
  },
  {
    file: "iso/finger-fir020-wsq-left-index.iso",
    modality: "Finger",
    version: "020",
    width: 280,
    height: 448,
    codec: "WSQ",
    channels: 1,
    imageOffset: 62,
    imageLength: 9840,
    position: "LEFT_INDEX",
    lossless: false,
  },
  {
    file: "iso/finger-fir010-left-index.iso",
    modality: "Finger",
    version: "010",
    width: 252,
    height: 427,
    codec: "JPEG2000",
    channels: 1,
    imageOffset: 46,
    imageLength: 10539,
    position: "LEFT_INDEX",
    lossless: null,
  },
  {
    file: "iso/face-fac030-jp2-lossless.iso",
    modality: "Face",
    version: "030",
    width: 240,
    height: 320,
    codec: "JPEG2000",
    channels: 3,
    imageOffset: 73,
    imageLength: 67014,
    position: null,
    lossless: true,
  },
  {
    file: "iso/face-fac030-jp2-lossy.iso",
    modality: "Face",
    version: "030",
    width: 240,
    height: 320,
    codec: "JPEG2000",
    channels: 3,
    imageOffset: 73,
    imageLength: 18419,
    position: null,
    lossless: false,
  },
  {
    file: "iso/exception-photo-fac030-jp2.iso",
    modality: "Face",
    version: "030",
    width: 600,
    height: 400,
    codec: "JPEG2000",
    channels: 3,
    imageOffset: 73,
    imageLength: 209539,
    position: null,
    lossless: true,
  },
  {
    file: "iso/iris-iir020-jp2-left.iso",
    modality: "Iris",
    version: "020",
    width: 417,
    height: 313,
    codec: "JPEG2000",
    channels: 1,
    imageOffset: 73,
    imageLength: 55362,
    position: "LEFT",
    lossless: null,
  },
  {
    file: "iso/iris-iir010-sample.iso",
    modality: "Iris",
    version: "010",
    width: 640,
    height: 480,
    codec: "JPEG2000",
    channels: 1,
    imageOffset: 59,
    imageLength: 19246,
    position: "LEFT",
    lossless: null,
  },
];

export const CBEFF_SAMPLES = {
  packet12: "cbeff/cbeff-sample-1.2-packet.xml",
  fingers010: "cbeff/cbeff-10fingers-fir010.xml",
} as const;
