/** An error with the HTTP status and message the API should answer with. */
export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly field?: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}
