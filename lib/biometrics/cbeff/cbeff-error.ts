/** Raised when a CBEFF document (or the datashare field carrying it) cannot be read. */
export class CbeffError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CbeffError";
  }
}
