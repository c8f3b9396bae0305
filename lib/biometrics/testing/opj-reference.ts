// Test-only: decodes JPEG 2000 with Debian's native opj_decompress as an
// independent reference for the wasm decoder.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const OPJ_DECOMPRESS = "/usr/bin/opj_decompress";

export interface Pnm {
  width: number;
  height: number;
  channels: 1 | 3;
  maxValue: number;
  data: Buffer;
}

/** Parses binary PGM (P5) / PPM (P6) as opj_decompress writes them (with a "# OpenJPEG" comment). */
export function parsePnm(file: Buffer): Pnm {
  const tokens: string[] = [];
  let pos = 0;
  const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
  while (tokens.length < 4) {
    while (pos < file.length && isSpace(file[pos])) pos++;
    if (file[pos] === 0x23) {
      while (pos < file.length && file[pos] !== 0x0a) pos++;
      continue;
    }
    const start = pos;
    while (pos < file.length && !isSpace(file[pos])) pos++;
    tokens.push(file.subarray(start, pos).toString("latin1"));
  }
  pos++; // the single whitespace byte after maxval
  const [magic, w, h, max] = tokens;
  if (magic !== "P5" && magic !== "P6") throw new Error(`unexpected PNM magic ${magic}`);
  return { width: Number(w), height: Number(h), channels: magic === "P5" ? 1 : 3, maxValue: Number(max), data: file.subarray(pos) };
}

/** Runs opj_decompress on JP2 (or J2K) bytes (`-r reduce` drops resolution levels); fails loudly when the tool is not installed. */
export function opjDecode(bytes: Uint8Array, channels: number, reduce = 0): Pnm {
  if (!existsSync(OPJ_DECOMPRESS)) {
    throw new Error(
      `${OPJ_DECOMPRESS} is missing: install the Debian package libopenjp2-tools (apt-get install libopenjp2-tools) to run the JPEG 2000 reference comparison`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "mas-opj-"));
  try {
    const isCodestream = bytes[0] === 0xff && bytes[1] === 0x4f;
    const input = join(dir, isCodestream ? "in.j2k" : "in.jp2");
    const output = join(dir, channels === 1 ? "out.pgm" : "out.ppm");
    writeFileSync(input, bytes);
    const run = spawnSync(OPJ_DECOMPRESS, ["-i", input, "-o", output, ...(reduce > 0 ? ["-r", String(reduce)] : [])], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`opj_decompress failed (${run.status}): ${run.stderr}`);
    return parsePnm(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
