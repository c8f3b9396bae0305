import "server-only";
import { metrics, since } from "@/lib/metrics/metrics";
import type { PrismaClient } from "@/lib/db/generated/client";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import { decodeBiometricOffThread } from "@/lib/biometrics/image/decode-pool";
import type { DecodedBiometric } from "@/lib/biometrics/image/decode-biometric";
import type { RenderVariant } from "@/lib/biometrics/image/render-image";
import type { ImageBody } from "@/lib/biometrics/image-response";
import { loadSubject, type SubjectKey } from "./load-subject";

export type ImageVariant = "thumb" | "full" | "png";

/**
 * One biometric of one subject as a browser image, decoded off the request thread once per case and cached.
 * `background` (prefetch) puts the decrypt and decode jobs behind every job someone is waiting for.
 */
export async function renderSubjectImage(
  prisma: PrismaClient,
  caseId: string,
  subject: SubjectKey,
  birIndex: number,
  variant: ImageVariant,
  options: { background?: boolean } = {},
): Promise<ImageBody | null> {
  const want: RenderVariant = variant === "png" ? { size: "full", format: "png" } : { size: variant, format: "webp" };
  // One render per variant asked for: the grid needs only thumbnails, full size is rendered when an image is enlarged.
  const decoded = await getCaseImageCache().getOrCreate(
    { caseId, subject, bir: `${birIndex}:${variant}` },
    async (): Promise<DecodedBiometric | null> => {
      const s = await loadSubject(prisma, caseId, subject, options);
      if (!s.ok) return null;
      const bir = s.data.birs[birIndex];
      if (!bir?.bdb || bir.bdb.length === 0) return null;
      // Only the representation the workbench shows is decoded.
      const started = performance.now();
      // A thumbnail alone decodes JPEG 2000 at a reduced resolution level (render-job.mjs).
      const decoded = await decodeBiometricOffThread(bir.bdb, { variants: [want], firstImageOnly: true, background: options.background });
      metrics().imageDecodeSeconds.observe(since(started));
      return decoded;
    },
    (v) => (v ? v.representations.reduce((n, r) => n + r.images.reduce((m, i) => m + i.data.byteLength, 0), 0) + 1024 : 64),
  );
  const image = decoded?.representations.find((r) => r.images.length > 0)?.images[0];
  return image ? { data: image.data, mime: image.mime } : null;
}
