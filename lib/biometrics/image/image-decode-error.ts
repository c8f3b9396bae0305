/**
 * An image payload that cannot be turned into pixels (corrupt, unsupported
 * codec or parameters). The JavaScript decoders shared with the worker raise
 * plain Errors named "ImageDecodeError"; isImageDecodeError covers both.
 */
export class ImageDecodeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ImageDecodeError";
  }
}

export function isImageDecodeError(error: unknown): error is Error {
  return error instanceof Error && error.name === "ImageDecodeError";
}
