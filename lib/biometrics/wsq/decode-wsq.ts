import { ByteReader } from "./byte-reader";
import { decodeBlock } from "./entropy";
import type { HuffmanTable } from "./huffman";
import { COM, DHT, DQT, DRT, DTT, EOI, SOB, SOF, SOI, isRestartMarker, markerName } from "./markers";
import { toPixels } from "./pixels";
import { blockCoefficientCount, dequantizeBlock } from "./quantization";
import { BLOCK_SUBBANDS, buildLayout, type Layout } from "./subbands";
import {
  type FrameHeader,
  type QuantTable,
  type TransformTable,
  parseBlockHeader,
  parseFrameHeader,
  parseHuffmanTables,
  parseQuantTable,
  parseRestartInterval,
  parseTransformTable,
  ppiFromComment,
} from "./tables";
import { inverseTransform } from "./wavelet";
import { WsqError } from "./wsq-error";

export { WsqError } from "./wsq-error";

export interface WsqImage {
  width: number;
  height: number;
  /** 8-bit grey, row-major, width * height bytes. */
  pixels: Uint8Array;
  /** From the NIST_COM comment; null when the file does not say. */
  ppi: number | null;
}

/**
 * Caps the coefficient plane (4 bytes a pixel) so a corrupt SOF cannot make us allocate
 * gigabytes; 2^24 pixels still fits a whole 8 x 8 inch tenprint card at 500 ppi.
 */
const MAX_PIXELS = 1 << 24;

function readMarker(r: ByteReader): number {
  const at = r.pos;
  const ff = r.u8("marker");
  const code = r.u8("marker");
  if (ff !== 0xff) {
    throw new WsqError(`expected a marker, found bytes 0x${ff.toString(16).padStart(2, "0")}${code.toString(16).padStart(2, "0")}`, at);
  }
  return code;
}

/** Decodes a WSQ (FBI IAFIS-IC-0110) grey-scale image. Throws WsqError on any malformed input. */
export function decodeWsq(bytes: Uint8Array): WsqImage {
  if (!(bytes instanceof Uint8Array)) throw new WsqError("input is not a byte array");
  const r = new ByteReader(bytes);
  if (readMarker(r) !== SOI) throw new WsqError("missing SOI marker (0xFFA0): not a WSQ image", 0);

  let frame: FrameHeader | undefined;
  let layout: Layout | undefined;
  let plane: Float32Array | undefined;
  let transform: TransformTable | undefined;
  let quant: QuantTable | undefined;
  const huffman = new Map<number, HuffmanTable>();
  let ppi: number | null = null;
  let blocks = 0;

  for (;;) {
    const at = r.pos;
    const code = readMarker(r);
    const name = markerName(code);
    switch (code) {
      case SOF: {
        if (frame) throw new WsqError(`second ${name}`, at);
        frame = parseFrameHeader(r.segment(name));
        if (frame.width * frame.height > MAX_PIXELS) {
          throw new WsqError(`${name} image ${frame.width}x${frame.height} exceeds the supported size`, at);
        }
        layout = buildLayout(frame.width, frame.height);
        plane = new Float32Array(frame.width * frame.height);
        break;
      }
      case DTT:
        transform = parseTransformTable(r.segment(name));
        break;
      case DQT:
        quant = parseQuantTable(r.segment(name));
        break;
      case DHT:
        for (const t of parseHuffmanTables(r.segment(name))) huffman.set(t.id, t);
        break;
      case DRT:
        // Restart markers are recognised wherever they occur between codes, so the interval
        // itself is not needed to decode; parsing still validates the segment.
        parseRestartInterval(r.segment(name));
        break;
      case COM: {
        const body = r.segment(name);
        ppi = ppiFromComment(body.bytes(body.remaining, "COM text")) ?? ppi;
        break;
      }
      case SOB: {
        const tableId = parseBlockHeader(r.segment(name));
        if (!frame || !layout || !plane) throw new WsqError(`${name} before the frame header (SOF)`, at);
        if (!quant) throw new WsqError(`${name} before any quantisation table (DQT)`, at);
        if (blocks >= BLOCK_SUBBANDS.length) throw new WsqError(`more than ${BLOCK_SUBBANDS.length} ${name} blocks`, at);
        const table = huffman.get(tableId);
        if (!table) throw new WsqError(`${name} block ${blocks + 1} uses undefined Huffman table ${tableId}`, at);
        const range = BLOCK_SUBBANDS[blocks];
        const count = blockCoefficientCount(layout.subbands, quant, range);
        const block = decodeBlock(bytes, r.pos, table, count, blocks + 1);
        dequantizeBlock(block.indices, plane, frame.width, layout.subbands, quant, range);
        r.pos = block.end;
        blocks++;
        break;
      }
      case EOI: {
        if (!frame || !layout || !plane) throw new WsqError(`${name} before the frame header (SOF)`, at);
        if (blocks < BLOCK_SUBBANDS.length) {
          throw new WsqError(`${name} after ${blocks} of ${BLOCK_SUBBANDS.length} blocks: image data incomplete`, at);
        }
        if (!transform) throw new WsqError(`${name} reached without a transform table (DTT)`, at);
        inverseTransform(plane, frame.width, frame.height, layout, transform);
        return { width: frame.width, height: frame.height, pixels: toPixels(plane, frame), ppi };
      }
      case SOI:
        throw new WsqError(`second ${name}`, at);
      default:
        if (isRestartMarker(code)) throw new WsqError(`${name} outside entropy-coded data`, at);
        throw new WsqError(`unknown marker ${name}`, at);
    }
  }
}
