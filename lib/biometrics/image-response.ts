import "server-only";

export type ImageMime = "image/webp" | "image/png" | "image/jpeg";

export interface ImageBody {
  data: Uint8Array;
  mime: ImageMime;
}

export interface ImageResponseOptions {
  /**
   * The caller's case-access check. Must resolve for the image to be
   * produced; a rejection (or `false`) gives 403 before anything is decoded.
   */
  authorize: () => Promise<unknown>;
  /** Produces the image (typically through the case image cache); null when there is no such image. */
  load: () => Promise<ImageBody | null>;
}

const ALLOWED_MIME: ReadonlySet<string> = new Set<ImageMime>(["image/webp", "image/png", "image/jpeg"]);

// Biometric images are personal data: no browser or proxy may keep a copy,
// and they are only ever shown inside our own pages.
const PRIVATE_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Cross-Origin-Resource-Policy": "same-origin",
} as const;

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Response for one biometric image. Order matters: authorization first, so an
 * unauthorised request costs no decode and learns nothing (not even whether
 * the image exists); error bodies are generic so no case detail leaks.
 */
export async function imageResponse({ authorize, load }: ImageResponseOptions): Promise<Response> {
  let allowed: unknown;
  try {
    allowed = await authorize();
  } catch {
    return plain(403, "Forbidden");
  }
  if (allowed === false) return plain(403, "Forbidden");

  let image: ImageBody | null;
  try {
    image = await load();
  } catch {
    return plain(500, "Image could not be produced");
  }
  if (!image) return plain(404, "Not found");
  if (!ALLOWED_MIME.has(image.mime)) return plain(500, "Image could not be produced");
  const body = new Uint8Array(image.data.buffer as ArrayBuffer, image.data.byteOffset, image.data.byteLength);
  return new Response(body, {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": image.mime,
      "Content-Length": String(body.byteLength),
      "Content-Disposition": "inline",
    },
  });
}
