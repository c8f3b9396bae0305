// ISO/IEC 19794-2:2005 finger minutiae records ("FMR\0", " 20\0"): the exchange form of a template.
// Layout: a 24-byte record header, then per finger view a 4-byte header, 6 bytes per minutia and an
// extended-data length (0 here). Angles are stored counter-clockwise from the x axis in units of
// 360/256 degrees; the image's y axis points down, so a counter-clockwise turn is a negative one here.
import { ByteReader } from "@/lib/biometrics/iso/byte-reader";
import { IsoRecordError } from "@/lib/biometrics/iso/iso-record-error";
import { readMagicAndVersion, recordEnd } from "@/lib/biometrics/iso/record-header";
import type { FingerTemplate, Minutia } from "./types";

const HEADER = 24;
const VIEW_HEADER = 4;
const MINUTIA = 6;
const MAX_COORDINATE = 0x3fff;

export interface FingerView {
  /** ISO finger position code: 0 unknown, 1 right thumb .. 10 left little. */
  position: number;
  viewNumber: number;
  /** 0 live-scan plain, 1 live-scan rolled, ... */
  impressionType: number;
  /** 0..100. */
  quality: number;
  template: FingerTemplate;
}

export interface MinutiaeRecordOptions {
  /** 12-bit capture device type; 0 = unreported. */
  captureDeviceType?: number;
}

export function writeMinutiaeRecord(views: readonly FingerView[], options: MinutiaeRecordOptions = {}): Uint8Array {
  if (views.length === 0 || views.length > 255) throw new RangeError(`a minutiae record holds 1..255 finger views, got ${views.length}`);
  const first = views[0].template;
  let length = HEADER;
  for (const v of views) {
    if (v.template.minutiae.length > 255)
      throw new RangeError(`a finger view holds at most 255 minutiae, got ${v.template.minutiae.length}`);
    length += VIEW_HEADER + v.template.minutiae.length * MINUTIA + 2;
  }
  const out = new Uint8Array(length);
  const dv = new DataView(out.buffer);
  out.set([0x46, 0x4d, 0x52, 0, 0x20, 0x32, 0x30, 0], 0);
  dv.setUint32(8, length);
  dv.setUint16(12, (options.captureDeviceType ?? 0) & 0x0fff);
  dv.setUint16(14, first.width);
  dv.setUint16(16, first.height);
  const perCm = Math.round(first.ppi / 2.54);
  dv.setUint16(18, perCm);
  dv.setUint16(20, perCm);
  out[22] = views.length;
  out[23] = 0;
  let at = HEADER;
  for (const v of views) {
    out[at] = v.position;
    out[at + 1] = ((v.viewNumber & 0x0f) << 4) | (v.impressionType & 0x0f);
    out[at + 2] = clamp(Math.round(v.quality), 0, 100);
    out[at + 3] = v.template.minutiae.length;
    at += VIEW_HEADER;
    for (const m of v.template.minutiae) {
      const type = m.type === "ENDING" ? 1 : 2;
      dv.setUint16(at, (type << 14) | clamp(Math.round(m.x), 0, MAX_COORDINATE));
      dv.setUint16(at + 2, clamp(Math.round(m.y), 0, MAX_COORDINATE));
      const turns = (2 * Math.PI - m.angle) / (2 * Math.PI);
      out[at + 4] = Math.round(turns * 256) & 0xff;
      out[at + 5] = clamp(Math.round(m.quality), 0, 100);
      at += MINUTIA;
    }
    dv.setUint16(at, 0);
    at += 2;
  }
  return out;
}

export interface MinutiaeRecord {
  captureDeviceType: number;
  views: FingerView[];
}

export function readMinutiaeRecord(input: Uint8Array): MinutiaeRecord {
  readMagicAndVersion(input, "FMR", [" 20"]);
  const header = new ByteReader(input, "FMR 20", 8);
  const end = recordEnd(header, header.u32("record length"), input.length, 8);
  const r = new ByteReader(input, "FMR 20", 12, end);
  const captureDeviceType = r.u16("capture equipment") & 0x0fff;
  const width = r.u16("image size x");
  const height = r.u16("image size y");
  const resolutionX = r.u16("x resolution");
  r.u16("y resolution");
  const count = r.u8("number of finger views");
  r.u8("reserved");
  if (resolutionX === 0) throw new IsoRecordError("FMR 20: x resolution at offset 18 is 0", { field: "x resolution", offset: 18 });
  const ppi = Math.round(resolutionX * 2.54);
  const views: FingerView[] = [];
  for (let k = 0; k < count; k++) {
    const position = r.u8("finger position");
    const viewByte = r.u8("view number / impression type");
    const quality = r.u8("finger quality");
    const n = r.u8("number of minutiae");
    const minutiae: Minutia[] = [];
    for (let i = 0; i < n; i++) {
      const xw = r.u16("minutia type / x");
      const yw = r.u16("minutia y");
      const angleUnits = r.u8("minutia angle");
      const q = r.u8("minutia quality");
      const type = xw >> 14;
      minutiae.push({
        x: xw & MAX_COORDINATE,
        y: yw & MAX_COORDINATE,
        angle: ((256 - angleUnits) % 256) * ((2 * Math.PI) / 256),
        // "Other" (0) is read as an ending: the matcher does not rely on the type.
        type: type === 2 ? "BIFURCATION" : "ENDING",
        quality: q,
      });
    }
    const extended = r.u16("extended data block length");
    if (extended > 0) r.bytes("extended data", extended);
    views.push({
      position,
      viewNumber: viewByte >> 4,
      impressionType: viewByte & 0x0f,
      quality,
      template: { width, height, ppi, minutiae },
    });
  }
  return { captureDeviceType, views };
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : Math.min(v, hi);
}
