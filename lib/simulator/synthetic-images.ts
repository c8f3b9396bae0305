// One subject's synthetic biometric images, encoded and ready for ISO records: a colour face, ten
// fingerprints and two irises. A subject is (person seed, capture seed): the person fixes who it
// is, the capture fixes how this registration's photos came out. A true duplicate is the same
// person seed with another capture seed.

import sharp from "sharp";
import { FINGER_POSITIONS, type SingleFingerPosition } from "@/lib/biometrics/positions";
import type { GreyRaster } from "./grey-raster";
import { createRng, hashSeed } from "./prng";
import { faceCapture, faceIdentity, faceSvg, FACE_HEIGHT, FACE_WIDTH } from "./synthetic-face";
import { captureVariation, fingerIdentity, growRidges, renderFingerprint, FINGER_PPI } from "./synthetic-fingerprint";
import { eyeIdentity, irisCapture, renderIris } from "./synthetic-iris";

export interface BiometricSubject {
  personSeed: number;
  captureSeed: number;
  female: boolean;
  /** How far this capture strays from a frontal, centred one; 1 is normal. */
  variation?: number;
}

export interface EncodedImage {
  /** The encoded image: 8-bit grey PNG for fingers, 8-bit RGB PNG for the face, grey JPEG for irises. */
  data: Buffer;
  /** Irises are JPEG (ISO 19794-6 mono JPEG), compact like iris cameras' lossy output: a PNG is ~8x larger. */
  format: "PNG" | "JPEG";
  width: number;
  height: number;
  /** Raw grey pixels, kept for codecs other than PNG (WSQ). Null for the colour face. */
  grey: GreyRaster | null;
  /** 0-100, as a capture device would report it. */
  quality: number;
}

export interface SyntheticBiometrics {
  face: EncodedImage | null;
  fingers: { position: SingleFingerPosition; image: EncodedImage; ppi: number }[];
  irises: { eye: "LEFT" | "RIGHT"; image: EncodedImage }[];
}

export interface GenerateImagesOptions {
  /** Default: all ten. */
  fingers?: readonly SingleFingerPosition[];
  /** Default: both. */
  irises?: readonly ("LEFT" | "RIGHT")[];
  face?: boolean;
}

// Growing ridges is the expensive step and only depends on the person: a duplicate's fingers reuse it.
const RIDGE_CACHE_LIMIT = 80;
const ridgeCache = new Map<string, ReturnType<typeof growRidges>>();

function ridgesFor(personSeed: number, fingerIndex: number) {
  const key = `${personSeed}:${fingerIndex}`;
  const hit = ridgeCache.get(key);
  if (hit) {
    ridgeCache.delete(key);
    ridgeCache.set(key, hit);
    return hit;
  }
  const ridges = growRidges(fingerIdentity(personSeed, fingerIndex));
  ridgeCache.set(key, ridges);
  if (ridgeCache.size > RIDGE_CACHE_LIMIT) ridgeCache.delete(ridgeCache.keys().next().value as string);
  return ridges;
}

export function fingerRaster(subject: BiometricSubject, position: SingleFingerPosition): GreyRaster {
  const index = FINGER_POSITIONS.indexOf(position);
  const id = fingerIdentity(subject.personSeed, index);
  const capture = captureVariation(createRng(hashSeed(subject.captureSeed, "finger", index)), subject.variation ?? 1);
  return renderFingerprint(id, ridgesFor(subject.personSeed, index), capture);
}

export function irisRaster(subject: BiometricSubject, eye: "LEFT" | "RIGHT"): GreyRaster {
  const capture = irisCapture(createRng(hashSeed(subject.captureSeed, "iris", eye)), subject.variation ?? 1);
  return renderIris(eyeIdentity(subject.personSeed, eye), capture);
}

export function faceSvgFor(subject: BiometricSubject): string {
  const capture = faceCapture(createRng(hashSeed(subject.captureSeed, "face")), subject.variation ?? 1);
  return faceSvg(faceIdentity(subject.personSeed, subject.female), capture);
}

/** Grey levels kept in a lossless finger PNG: 64 look the same on screen and halve the file (see encodeGreyPng). */
const PNG_GREY_STEP = 4;

export async function encodeGreyPng(raster: GreyRaster): Promise<Buffer> {
  // Every byte of a subject's images is stored, decrypted and parsed by the MAS on its main thread, three times
  // base64-encoded (CBEFF, payload, encryption): a lossless PNG of full 8-bit noise was the bulk of a 4 MB datashare.
  const levels = new Uint8Array(raster.data.length);
  for (let i = 0; i < levels.length; i++) levels[i] = Math.min(255, Math.round(raster.data[i] / PNG_GREY_STEP) * PNG_GREY_STEP);
  return sharp(Buffer.from(levels.buffer), { raw: { width: raster.width, height: raster.height, channels: 1 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
}

export async function encodeGreyJpeg(raster: GreyRaster): Promise<Buffer> {
  return sharp(Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength), {
    raw: { width: raster.width, height: raster.height, channels: 1 },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
}

export async function renderFacePng(subject: BiometricSubject): Promise<Buffer> {
  // flatten + removeAlpha: the record declares 24-bit RGB, so no alpha channel may remain.
  return sharp(Buffer.from(faceSvgFor(subject)))
    .resize(FACE_WIDTH, FACE_HEIGHT, { fit: "fill" })
    .flatten({ background: "#ffffff" })
    .removeAlpha()
    .toColourspace("srgb")
    .png({ compressionLevel: 6 })
    .toBuffer();
}

export async function generateBiometricImages(subject: BiometricSubject, opts: GenerateImagesOptions = {}): Promise<SyntheticBiometrics> {
  const quality = createRng(hashSeed(subject.captureSeed, "quality"));
  const fingers: SyntheticBiometrics["fingers"] = [];
  for (const position of opts.fingers ?? FINGER_POSITIONS) {
    const grey = fingerRaster(subject, position);
    fingers.push({
      position,
      ppi: FINGER_PPI,
      image: { data: await encodeGreyPng(grey), format: "PNG", width: grey.width, height: grey.height, grey, quality: quality.int(55, 95) },
    });
  }
  const irises: SyntheticBiometrics["irises"] = [];
  for (const eye of opts.irises ?? (["LEFT", "RIGHT"] as const)) {
    const grey = irisRaster(subject, eye);
    irises.push({
      eye,
      image: {
        data: await encodeGreyJpeg(grey),
        format: "JPEG",
        width: grey.width,
        height: grey.height,
        grey,
        quality: quality.int(60, 98),
      },
    });
  }
  const face =
    opts.face === false
      ? null
      : {
          data: await renderFacePng(subject),
          format: "PNG" as const,
          width: FACE_WIDTH,
          height: FACE_HEIGHT,
          grey: null,
          quality: quality.int(60, 95),
        };
  return { face, fingers, irises };
}
