// One GET of one datashare URL, turned into either the body exactly as received or a failure with a
// short code an admin can act on (DAT-SER-006, KER-ATH-401, HTTP_503, TIMEOUT, …) and whether trying
// again can help. Failure messages never contain the URL: it is a bearer capability to personal data. They may
// name an origin (scheme://host:port): admins see the messages, officers only a generic reason.
//
// Only allowed origins are ever asked (MOSIP_DATASHARE_ALLOWED_ORIGINS), checked again here although intake
// already refused requests naming others: the list may have changed since, and redirects are followed by hand,
// hop by hop, so that neither the GET nor the bearer token ever reaches another origin.

import { isAllowedOrigin, originOf } from "@/lib/env/datashare-origins";
import { detectDatashareError } from "@/lib/mosip/datashare-envelope";
import type { TokenSource } from "./token-source";

export type FetchFailure = { ok: false; code: string; message: string; permanent: boolean };
export type FetchOutcome = { ok: true; body: Buffer } | FetchFailure;

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Normal-form origins (lib/env/datashare-origins.ts); a URL or redirect elsewhere is never requested. */
  allowedOrigins: readonly string[];
  token?: TokenSource;
  fetchImpl?: typeof fetch;
  /** Abandons the GET, e.g. when the download's lease was lost to another worker. */
  signal?: AbortSignal;
}

/** Codes after which the same URL will not start working: the share is gone or not ours to read. */
const PERMANENT_ENVELOPE = new Set(["DAT-SER-003", "DAT-SER-006", "KER-ATH-403"]);
const RETRYABLE_HTTP = new Set([408, 425, 429, 500, 502, 503, 504]);
const REDIRECT = new Set([301, 302, 303, 307, 308]);
/** A datashare service behind a gateway may redirect once or twice; more is a loop or something else. */
export const MAX_REDIRECTS = 3;

export async function fetchDatashare(url: string, opts: FetchOptions): Promise<FetchOutcome> {
  const first = await attempt(url, opts);
  // A cached token can be revoked or expire early: refresh once, then report whatever comes back.
  if (!first.ok && first.authFailed && first.usedToken !== undefined && opts.token) {
    opts.token.invalidate(first.usedToken);
    const second = await attempt(url, opts);
    return strip(second);
  }
  return strip(first);
}

type Attempt = FetchOutcome & { authFailed?: boolean; usedToken?: string };

function strip(a: Attempt): FetchOutcome {
  return a.ok ? { ok: true, body: a.body } : { ok: false, code: a.code, message: a.message, permanent: a.permanent };
}

function refusedOrigin(url: string, what: string): Attempt {
  return {
    ok: false,
    code: "ORIGIN_NOT_ALLOWED",
    message: `${what} ${originOf(url) ?? "an invalid URL"}, which is not in MOSIP_DATASHARE_ALLOWED_ORIGINS`,
    permanent: true,
  };
}

async function attempt(url: string, opts: FetchOptions): Promise<Attempt> {
  // Before the token is even fetched: nothing about the MAS's credentials goes towards another origin.
  if (!isAllowedOrigin(url, opts.allowedOrigins)) return refusedOrigin(url, "the datashare URL names");
  let token: string | undefined;
  if (opts.token) {
    try {
      token = await opts.token.get();
    } catch (e) {
      return { ok: false, code: "AUTH_TOKEN", message: (e as Error).message, permanent: false };
    }
  }
  const headers: Record<string, string> = { accept: "*/*" };
  if (token !== undefined) {
    headers.authorization = `Bearer ${token}`;
    // MOSIP's kernel auth adapter reads the token from the Authorization cookie.
    headers.cookie = `Authorization=${token}`;
  }
  let res: Response;
  let body: Buffer;
  const signal = requestSignal(opts);
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      res = await (opts.fetchImpl ?? fetch)(current, { headers, redirect: "manual", signal });
      const location = REDIRECT.has(res.status) ? res.headers.get("location") : null;
      if (location === null) break;
      await res.body?.cancel();
      let next: string;
      try {
        next = new URL(location, current).href;
      } catch {
        return {
          ok: false,
          code: "BAD_REDIRECT",
          message: `datashare answered HTTP ${res.status} with an unusable Location`,
          permanent: true,
        };
      }
      if (!isAllowedOrigin(next, opts.allowedOrigins)) return refusedOrigin(next, "the datashare redirected to");
      if (hop + 1 > MAX_REDIRECTS) {
        return { ok: false, code: "TOO_MANY_REDIRECTS", message: `datashare redirected more than ${MAX_REDIRECTS} times`, permanent: true };
      }
      current = next;
    }
    body = await readLimited(res, opts.maxBytes);
  } catch (e) {
    return describeTransportError(e, opts);
  }

  const envelope = detectDatashareError(body);
  if (envelope) {
    const authFailed = envelope.errorCode === "KER-ATH-401";
    return {
      ok: false,
      code: envelope.errorCode.slice(0, 64),
      message: `datashare answered ${envelope.errorCode}${envelope.message ? `: ${envelope.message.slice(0, 200)}` : ""}`,
      permanent: PERMANENT_ENVELOPE.has(envelope.errorCode),
      authFailed,
      usedToken: token,
    };
  }
  if (res.status < 200 || res.status > 299) {
    return {
      ok: false,
      code: `HTTP_${res.status}`,
      message: `datashare answered HTTP ${res.status}`,
      permanent: res.status !== 401 && !RETRYABLE_HTTP.has(res.status),
      authFailed: res.status === 401,
      usedToken: token,
    };
  }
  if (body.length === 0) return { ok: false, code: "EMPTY_BODY", message: "datashare answered with an empty body", permanent: false };
  return { ok: true, body };
}

/** One deadline for the whole GET, redirects included. */
function requestSignal(opts: FetchOptions): AbortSignal {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  return opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
}

class TooLarge extends Error {
  override name = "TooLarge";
}

async function readLimited(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new TooLarge();
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new TooLarge();
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, total);
}

function describeTransportError(e: unknown, opts: FetchOptions): Attempt {
  const err = e as Error & { cause?: { code?: string } };
  if (err.name === "TooLarge") return { ok: false, code: "TOO_LARGE", message: `body exceeds ${opts.maxBytes} bytes`, permanent: true };
  if (opts.signal?.aborted)
    return { ok: false, code: "ABANDONED", message: "GET abandoned: the download is no longer ours", permanent: false };
  if (err.name === "TimeoutError" || err.name === "AbortError") {
    return { ok: false, code: "TIMEOUT", message: `no complete answer within ${opts.timeoutMs} ms`, permanent: false };
  }
  // undici wraps the socket error; its code (ECONNREFUSED, ENOTFOUND…) is useful and carries no URL path.
  const code = err.cause?.code ?? err.name ?? "NETWORK";
  return { ok: false, code: `NETWORK_${String(code).slice(0, 40)}`, message: `request failed (${code})`, permanent: false };
}
