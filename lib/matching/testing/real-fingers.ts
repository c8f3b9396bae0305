// Test and benchmark support: MOSIP's published finger samples (test/fixtures/mosip), decoded to grey
// rasters, plus the same capture re-encoded (lossy JPEG 2000 with Debian's opj_compress, WSQ with the
// project's encoder) so a comparison across encodings starts from one known capture.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCbeff } from "@/lib/biometrics/cbeff/parse-cbeff";
import { decodeImage } from "@/lib/biometrics/image/decode-image";
import { parseIsoRecord } from "@/lib/biometrics/iso/parse-iso-record";
import type { FingerRepresentation } from "@/lib/biometrics/iso/types";
import { readFixture } from "@/lib/biometrics/testing/fixtures";
import { encodeWsq } from "@/lib/biometrics/wsq/encode-wsq";
import type { GreyImage } from "../types";

export interface RealFinger extends GreyImage {
  label: string;
  ppi: number;
}

const OPJ_COMPRESS = "/usr/bin/opj_compress";

/** Every finger image in an ISO 19794-4 record, decoded to one grey channel. */
export async function decodeFingerRecord(iso: Uint8Array, label: string): Promise<RealFinger[]> {
  const record = parseIsoRecord(iso);
  const out: RealFinger[] = [];
  for (const rep of record.representations as FingerRepresentation[]) {
    const img = await decodeImage(rep.image, {
      codec: rep.codec,
      width: rep.width,
      height: rep.height,
      bitDepth: rep.bitDepth,
      colour: "grey",
    });
    if (img.channels !== 1) throw new Error(`${label}: expected a grey finger image, got ${img.channels} channels`);
    // Scale units 1 = pixels per inch, 2 = per centimetre; anything unusable falls back to 500.
    const res = rep.imageResolution.horizontal;
    const ppi = res > 0 ? (rep.scaleUnits === 2 ? Math.round(res * 2.54) : res) : 500;
    out.push({ label: `${label} ${rep.position}`, width: img.width, height: img.height, data: bytes(img.data), ppi });
  }
  return out;
}

export async function fixtureFinger(file: string): Promise<RealFinger> {
  const [finger] = await decodeFingerRecord(readFixture(`iso/${file}`), file);
  return finger;
}

/** The ten fingers of a CBEFF fixture, in document order. */
export async function cbeffFingers(file: string): Promise<RealFinger[]> {
  const doc = parseCbeff(readFixture(`cbeff/${file}`));
  const out: RealFinger[] = [];
  for (const bir of doc.birs) {
    if (bir.type !== "Finger" || !bir.bdb) continue;
    out.push(...(await decodeFingerRecord(bir.bdb, `${file} ${bir.subtype}`)));
  }
  return out;
}

/** The same capture through WSQ (the project's encoder) and back. */
export async function viaWsq(finger: RealFinger, q = 4): Promise<RealFinger> {
  const encoded = encodeWsq(finger.data, finger.width, finger.height, { q, ppi: finger.ppi });
  const img = await decodeImage(encoded, { codec: "WSQ", width: finger.width, height: finger.height, bitDepth: 8, colour: "grey" });
  return { ...finger, label: `${finger.label} via WSQ (${encoded.length} bytes)`, data: bytes(img.data) };
}

/** The same capture through lossy JPEG 2000 at `ratio`:1 (opj_compress) and back. */
export async function viaLossyJpeg2000(finger: RealFinger, ratio = 15): Promise<RealFinger> {
  if (!existsSync(OPJ_COMPRESS)) {
    throw new Error(`${OPJ_COMPRESS} is missing: install the Debian package libopenjp2-tools (apt-get install libopenjp2-tools)`);
  }
  const dir = mkdtempSync(join(tmpdir(), "mas-match-"));
  try {
    const header = Buffer.from(`P5\n${finger.width} ${finger.height}\n255\n`, "latin1");
    writeFileSync(join(dir, "in.pgm"), Buffer.concat([header, finger.data]));
    const run = spawnSync(OPJ_COMPRESS, ["-i", join(dir, "in.pgm"), "-o", join(dir, "out.jp2"), "-r", String(ratio)], {
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`opj_compress failed (${run.status}): ${run.stderr}`);
    const encoded = readFileSync(join(dir, "out.jp2"));
    const img = await decodeImage(encoded, { codec: "JPEG2000", width: finger.width, height: finger.height, bitDepth: 8, colour: "grey" });
    return { ...finger, label: `${finger.label} via lossy JPEG 2000 ${ratio}:1 (${encoded.length} bytes)`, data: bytes(img.data) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Decoders may hand back a Uint8ClampedArray; the matcher and Buffer want plain bytes. */
function bytes(data: ArrayLike<number> & { buffer: ArrayBufferLike; byteOffset: number; length: number }): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}
