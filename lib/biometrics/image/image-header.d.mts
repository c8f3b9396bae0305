export type HeaderCodec = "JPEG2000" | "JPEG" | "PNG" | "WSQ";

export interface ImageHeader {
  codec: HeaderCodec;
  width: number;
  height: number;
  components: number;
  /** Bits per sample (the widest component for JPEG 2000). */
  bitDepth: number;
  subsampled: boolean;
  /** JPEG 2000 only: the image area's origin on the reference grid (XOsiz, YOsiz). */
  x0?: number;
  y0?: number;
}

export function findJpeg2000Codestream(bytes: Uint8Array): number;
export function readJpeg2000Header(bytes: Uint8Array): ImageHeader;
/** Fewest decomposition levels of any component in the main header (COD/COC); null when none is readable. */
export function readJpeg2000Decompositions(bytes: Uint8Array): number | null;
export function readJpegHeader(bytes: Uint8Array): ImageHeader;
export function readPngHeader(bytes: Uint8Array): ImageHeader;
export function readWsqHeader(bytes: Uint8Array): ImageHeader;
/** Byte-size and header geometry caps; throws an Error named "ImageDecodeError". */
export function checkEncodedImage(codec: HeaderCodec, bytes: Uint8Array): ImageHeader;
export function checkGeometry(g: { codec: string; width: number; height: number; components?: number; bitDepth?: number | null }): void;
