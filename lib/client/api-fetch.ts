/** An API error answer: the status, the server's English sentence, and the code and field the client translates. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    public readonly status: number,
    message: string,
    public readonly code?: string,
    /** The input field the error is about: `field`, else the first of `fields` (a failed schema check). */
    public readonly field?: string,
    /** The figures sent with a code a client acts on (haste_confirmation_required, work_limit_reached): numbers and names only. */
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * Browser-side JSON fetch that turns an API error body into an ApiError. Every request that changes state is sent
 * as JSON, even without a body: the API refuses anything else (lib/http/api-route.ts).
 */
export async function apiFetch<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const changes = (init?.method ?? "GET").toUpperCase() !== "GET";
  const res = await fetch(url, {
    ...init,
    headers: { ...(init?.json !== undefined || changes ? { "Content-Type": "application/json" } : {}), ...init?.headers },
    body: init?.json !== undefined ? JSON.stringify(init.json) : init?.body,
  });
  const text = await res.text();
  let data: { error?: string; code?: string; field?: string; fields?: { field?: string }[]; [figure: string]: unknown } | null = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (!res.ok) {
    const { error, code, field, fields, ...details } = data ?? {};
    throw new ApiError(res.status, error ?? `${res.status} ${res.statusText}`, code, field ?? fields?.[0]?.field, details);
  }
  return data as T;
}
