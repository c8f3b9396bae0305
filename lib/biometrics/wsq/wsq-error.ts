/**
 * The single error type the WSQ decoder throws. Callers (CBEFF/ISO viewers) can treat every
 * malformed or truncated image the same way, while the message still says where it broke.
 */
export class WsqError extends Error {
  /** Byte offset in the WSQ stream the problem was detected at, when one is known. */
  readonly offset: number | undefined;

  constructor(message: string, offset?: number) {
    super(offset === undefined ? message : `${message} (offset ${offset})`);
    this.name = "WsqError";
    this.offset = offset;
  }
}
