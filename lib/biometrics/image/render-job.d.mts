import type { RenderedImage, RenderVariant } from "./raster-encoder.mjs";
import type { Raster } from "./raster";

/** Codecs a render job can decode itself (everything else arrives as a raster); WSQ only with a WSQ decoder supplied. */
export type EncodedCodec = "JPEG2000" | "JPEG" | "PNG" | "WSQ";

export type RenderJob =
  | { kind: "encoded"; codec: EncodedCodec; bytes: Uint8Array; variants: RenderVariant[] }
  | { kind: "raster"; raster: Raster; variants: RenderVariant[] };

export interface RenderJobResult {
  /** The image's own size, even when it was decoded at a reduced resolution. */
  width: number;
  height: number;
  /** JPEG 2000 resolution levels skipped for a thumbnail-only job (0: decoded in full). */
  reducedBy: number;
  channels: number;
  /** Sample precision before reduction to 8 bits, when the decoder reports it (JPEG 2000). */
  sourceBitDepth: number | null;
  /** JPEG 2000 only: whether the reversible wavelet was used. */
  reversible: boolean | null;
  images: RenderedImage[];
}

export interface RenderJobDecoders {
  /** Loads the WSQ decoder (decode-wsq.ts's decodeWsq, or its generated bundle); called per WSQ job. */
  wsq?: () => Promise<(bytes: Uint8Array) => { width: number; height: number; pixels: Uint8Array }>;
}

export function runRenderJob(job: RenderJob, decoders?: RenderJobDecoders): Promise<RenderJobResult>;
