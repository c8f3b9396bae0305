export type HeaderCodec = "JPEG2000" | "JPEG" | "PNG" | "WSQ";

export interface ImageHeader {
  codec: HeaderCodec;
  width: number;
  height: number;
  components: number;
  /** Bits per sample (the widest component for JPEG 2000). */
  bitDepth: number;
  subsampled: boolean;
}

export function findJpeg2000Codestream(bytes: Uint8Array): number;
export function readJpeg2000Header(bytes: Uint8Array): ImageHeader;
export function readJpegHeader(bytes: Uint8Array): ImageHeader;
export function readPngHeader(bytes: Uint8Array): ImageHeader;
export function readWsqHeader(bytes: Uint8Array): ImageHeader;
/** Byte-size and header geometry caps; throws an Error named "ImageDecodeError". */
export function checkEncodedImage(codec: HeaderCodec, bytes: Uint8Array): ImageHeader;
export function checkGeometry(g: { codec: string; width: number; height: number; components?: number; bitDepth?: number | null }): void;
