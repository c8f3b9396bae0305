import "server-only";
import { parseIsoRecord } from "../iso/parse-iso-record";
import type { ImageCodec, IsoImageRepresentation, IsoModality, IsoRecord, QualityBlock } from "../iso/types";
import { decodeImage, effectiveCodec } from "./decode-image";
import type { RenderedImage, RenderVariant } from "./raster-encoder.mjs";
import type { EncodedCodec, RenderJob, RenderJobResult } from "./render-job.mjs";

/** Thumbnail for lists, full WebP for viewing, full PNG for lossless inspection. */
export const DEFAULT_VARIANTS: readonly RenderVariant[] = [
  { size: "thumb", format: "webp" },
  { size: "full", format: "webp" },
  { size: "full", format: "png" },
];

export type RenderJobRunner = (job: RenderJob) => Promise<RenderJobResult>;

export interface DecodeBiometricOptions {
  variants?: readonly RenderVariant[];
  /** Where decode+encode runs; defaults to the calling thread (decode-pool.ts supplies workers). */
  run?: RenderJobRunner;
  /**
   * Codecs `run` decodes itself; any other codec is decoded on the calling
   * thread and sent to `run` as pixels. Default: JPEG 2000, JPEG, PNG.
   */
  jobCodecs?: ReadonlySet<ImageCodec>;
}

export interface DecodedRepresentation {
  index: number;
  modality: IsoModality;
  /** Finger position ("LEFT_INDEX"...), eye ("LEFT"/"RIGHT"/"UNKNOWN"), or null for faces. */
  position: string | null;
  captureDate: string | null;
  qualityBlocks: QualityBlock[];
  /** First quality block's score, the one MOSIP fills in. */
  qualityScore: number | null;
  /** Codec the record declares. */
  declaredCodec: ImageCodec;
  /** Codec used to decode (the data's signature wins over the declaration). */
  codec: ImageCodec;
  lossless: boolean | null;
  /** Size the record declares. */
  width: number;
  height: number;
  bitDepth: number | null;
  /** Size of the encoded image bytes in the record. */
  imageBytes: number;
  decoded: { width: number; height: number; channels: number; sourceBitDepth: number | null; reversible: boolean | null } | null;
  images: RenderedImage[];
  /** Why no image could be produced; null on success. */
  error: string | null;
  /** Inconsistencies that did not prevent rendering. */
  warnings: string[];
}

export interface DecodedBiometric {
  modality: IsoModality;
  format: IsoRecord["format"];
  version: string;
  representations: DecodedRepresentation[];
}

/** What runRenderJob decodes without help; WSQ needs a decoder supplied (the worker has one). */
export const DEFAULT_JOB_CODECS: ReadonlySet<ImageCodec> = new Set<ImageCodec>(["JPEG2000", "JPEG", "PNG"]);

/**
 * ISO 19794 record -> metadata + browser-ready images for each
 * representation. A malformed record throws IsoRecordError; an image that
 * cannot be decoded is reported on its representation (error) so the other
 * representations and all metadata remain usable.
 */
export async function decodeBiometric(iso: Uint8Array, options: DecodeBiometricOptions = {}): Promise<DecodedBiometric> {
  const record = parseIsoRecord(iso);
  const variants = [...(options.variants ?? DEFAULT_VARIANTS)];
  const run = options.run ?? runOnThisThread;
  const jobCodecs = options.run ? (options.jobCodecs ?? DEFAULT_JOB_CODECS) : DEFAULT_JOB_CODECS;
  const representations: DecodedRepresentation[] = [];
  for (const rep of record.representations as IsoImageRepresentation[]) {
    representations.push(await decodeRepresentation(record, rep, variants, run, jobCodecs));
  }
  return { modality: record.modality, format: record.format, version: record.version, representations };
}

async function runOnThisThread(job: RenderJob): Promise<RenderJobResult> {
  // Loaded lazily so that code using only the worker pool never instantiates
  // the codecs on the request thread.
  const { runRenderJob } = await import("./render-job.mjs");
  return runRenderJob(job);
}

async function decodeRepresentation(
  record: IsoRecord,
  rep: IsoImageRepresentation,
  variants: RenderVariant[],
  run: RenderJobRunner,
  jobCodecs: ReadonlySet<ImageCodec>,
): Promise<DecodedRepresentation> {
  const codec = effectiveCodec(rep.image, rep.codec);
  const out: DecodedRepresentation = {
    index: rep.index,
    modality: record.modality,
    position: positionOf(rep),
    captureDate: rep.captureDate,
    qualityBlocks: rep.qualityBlocks,
    qualityScore: rep.qualityBlocks[0]?.score ?? null,
    declaredCodec: rep.codec,
    codec,
    lossless: rep.lossless,
    width: rep.width,
    height: rep.height,
    bitDepth: rep.bitDepth,
    imageBytes: rep.image.length,
    decoded: null,
    images: [],
    error: null,
    warnings: [],
  };
  if (codec !== rep.codec) {
    out.warnings.push(`record declares ${rep.codec} (code ${rep.codecCode}) but the data is ${codec}`);
  }
  if (rep.image.length === 0) {
    out.error = "record contains no image data";
    return out;
  }
  try {
    const job: RenderJob = jobCodecs.has(codec)
      ? { kind: "encoded", codec: codec as EncodedCodec, bytes: rep.image, variants }
      : { kind: "raster", raster: await decodeImage(rep.image, { ...rep, codec }), variants };
    const result = await run(job);
    out.decoded = {
      width: result.width,
      height: result.height,
      channels: result.channels,
      sourceBitDepth: result.sourceBitDepth,
      reversible: result.reversible,
    };
    out.images = result.images;
    if (result.width !== rep.width || result.height !== rep.height) {
      out.warnings.push(`record declares ${rep.width}x${rep.height} but the image is ${result.width}x${result.height}`);
    }
    if (rep.lossless === true && result.reversible === false) {
      out.warnings.push("record declares lossless JPEG 2000 but the codestream uses the irreversible wavelet");
    }
  } catch (error) {
    out.error = error instanceof Error ? error.message : String(error);
  }
  return out;
}

function positionOf(rep: IsoImageRepresentation): string | null {
  if ("position" in rep && typeof rep.position === "string") return rep.position;
  if ("eye" in rep && typeof rep.eye === "string") return rep.eye;
  return null;
}
