/**
 * Raised for any ISO 19794 record that cannot be read: wrong magic, unsupported
 * version, truncated or internally inconsistent lengths. Parsers never let a
 * RangeError escape, so callers can treat this as "record unusable" and still
 * show the rest of a case.
 */
export class IsoRecordError extends Error {
  /** Name of the field being read when the problem was found, if any. */
  readonly field: string | null;
  /** Absolute byte offset of that field inside the record, if known. */
  readonly offset: number | null;

  constructor(message: string, details: { field?: string; offset?: number } = {}) {
    super(message);
    this.name = "IsoRecordError";
    this.field = details.field ?? null;
    this.offset = details.offset ?? null;
  }
}
