import "server-only";
import { parseIsoRecord } from "../iso/parse-iso-record";
import type { ImageCodec, IsoImageRepresentation, IsoModality, IsoRecord, QualityBlock } from "../iso/types";
import { decodeImage } from "./decode-image";
import { checkEncodedImage, type HeaderCodec } from "./image-header.mjs";
import { MAX_IMAGE_SIDE } from "./raster-limits.mjs";
import { checkDeclaredCodec } from "./sniff-codec";
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
  /**
   * Stop rendering after the first representation that yields an image (the
   * one a viewer shows); later ones keep their metadata and get no images.
   * MOSIP records hold one representation, but a hostile record may hold many.
   */
  firstImageOnly?: boolean;
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
  decoded: {
    width: number;
    height: number;
    channels: number;
    sourceBitDepth: number | null;
    reversible: boolean | null;
    /** JPEG 2000 resolution levels a thumbnail-only decode skipped (0: decoded in full). */
    reducedBy: number;
  } | null;
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
const HEADER_CODECS: ReadonlySet<ImageCodec> = new Set<ImageCodec>(["JPEG2000", "JPEG", "PNG", "WSQ"]);

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
  let shown = false;
  for (const rep of record.representations as IsoImageRepresentation[]) {
    const out = await decodeRepresentation(record, rep, shown ? [] : variants, run, jobCodecs, shown);
    if (options.firstImageOnly && out.images.length > 0) shown = true;
    representations.push(out);
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
  skip = false,
): Promise<DecodedRepresentation> {
  const checked = checkDeclaredCodec(rep.image, rep.codec);
  const codec = checked.ok ? checked.codec : rep.codec;
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
  if (skip) return out;
  if (rep.image.length === 0) {
    out.error = "record contains no image data";
    return out;
  }
  if (!checked.ok) {
    out.error = checked.reason;
    return out;
  }
  if (rep.width > MAX_IMAGE_SIDE || rep.height > MAX_IMAGE_SIDE) {
    out.error = `record declares ${rep.width}x${rep.height} pixels, over the ${MAX_IMAGE_SIDE}x${MAX_IMAGE_SIDE} limit`;
    return out;
  }
  try {
    // The codestream's own header against the caps, here on the calling
    // thread (it reads a few bytes), so an oversized image is refused before
    // it is copied to a worker or any decoder allocates for it.
    if (HEADER_CODECS.has(codec)) checkEncodedImage(codec as HeaderCodec, rep.image);
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
      reducedBy: result.reducedBy ?? 0,
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
