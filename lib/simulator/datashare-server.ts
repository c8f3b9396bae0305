// MOSIP's datashare service as the MAS sees it: GET /v1/datashare/get/<policy>/<subscriber>/<key>
// returns the stored body with a `Signature` header, or a MOSIP error envelope. Switches, global
// or per share, reproduce what goes wrong in real deployments: an expired share (DAT-SER-006), a
// missing file (DAT-SER-003), a missing/invalid token (KER-ATH-401), a slow answer, a gateway
// that fails N times with 503. An optional OAuth2 client-credentials endpoint issues the tokens.
//
// Status codes: the datashare service's exception handler answers its own errors with HTTP 200
// and the envelope in the body; the kernel auth filter answers KER-ATH-401 with HTTP 401.
// Nothing here logs bodies or share keys.

import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ShareSwitches {
  expired?: boolean;
  missing?: boolean;
  /** Delay before answering, in ms. */
  slowMs?: number;
  /** Answer HTTP 503 to the first N requests (per share). */
  failTimes?: number;
}

export interface DatashareClient {
  clientId: string;
  clientSecret: string;
}

export interface DatashareServerOptions {
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** Body for a share key; null = unknown share (answered DAT-SER-006 like MOSIP does for a bad key). */
  resolve: (key: string, policyId: string, subscriberId: string) => Promise<string | Buffer | null>;
  /** Require a bearer token from the token endpoint on every GET. */
  requireToken?: boolean;
  clients?: readonly DatashareClient[];
  tokenLifetimeSeconds?: number;
  global?: ShareSwitches;
  /** Signs the Signature header; an EC P-256 key is generated when absent. */
  signingKey?: KeyObject;
  /** Send an empty Signature header (mosip.data.share.signature.disabled=true). */
  signatureDisabled?: boolean;
}

export interface DatashareServer {
  readonly url: string;
  readonly port: number;
  setGlobal(switches: ShareSwitches): void;
  setShare(key: string, switches: ShareSwitches | null): void;
  /** GETs received for a share key, whatever was answered. */
  requestCount(key: string): number;
  totalRequests(): number;
  tokensIssued(): number;
  /** Revoke every token issued so far (tests a token refresh). */
  revokeTokens(): void;
  close(): Promise<void>;
}

export const DEFAULT_CLIENT: DatashareClient = { clientId: "mpartner-default-adjudication", clientSecret: "simulator-secret" };

const SHARE_PATH = /^\/v1\/datashare\/get\/([^/]+)\/([^/]+)\/([^/?#]+)$/;

export function errorEnvelope(errorCode: string, message: string): string {
  return JSON.stringify({
    id: "mosip.data.share",
    version: "1.0",
    responsetime: new Date().toISOString(),
    dataShare: null,
    errors: [{ errorCode, message }],
  });
}

export async function startDatashareServer(opts: DatashareServerOptions): Promise<DatashareServer> {
  let global: ShareSwitches = { ...(opts.global ?? {}) };
  const perShare = new Map<string, ShareSwitches>();
  const counts = new Map<string, number>();
  const failures = new Map<string, number>();
  const tokens = new Map<string, number>();
  let issued = 0;
  let total = 0;
  const clients = opts.clients ?? [DEFAULT_CLIENT];
  const lifetime = opts.tokenLifetimeSeconds ?? 300;
  const signingKey = opts.signingKey ?? generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;

  const server: Server = createServer((req, res) => {
    // One request per connection: building a share takes seconds of CPU on this same event loop, long enough
    // for an idle keep-alive socket to be closed under a client that is just reusing it (seen as ECONNRESET).
    res.shouldKeepAlive = false;
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "text/plain", "internal error");
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "POST" && (path === "/oauth/token" || /\/protocol\/openid-connect\/token$/.test(path))) return oauthToken(req, res);
    if (req.method === "POST" && path === "/v1/authmanager/authenticate/clientidsecretkey") return mosipToken(req, res);
    const m = SHARE_PATH.exec(path);
    if (!m || (req.method !== "GET" && req.method !== "HEAD")) return send(res, 404, "text/plain", "not found");
    req.resume();
    const [policyId, subscriberId, key] = m.slice(1).map(decodeURIComponent);
    total++;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const sw = { ...global, ...(perShare.get(key) ?? {}) };
    if (sw.slowMs && sw.slowMs > 0) await delay(sw.slowMs);

    if (opts.requireToken && !validToken(req))
      return send(res, 401, "application/json", errorEnvelope("KER-ATH-401", "Authentication Failed"));
    const failed = failures.get(key) ?? 0;
    if (sw.failTimes && failed < sw.failTimes) {
      failures.set(key, failed + 1);
      return send(res, 503, "text/plain", "Service Unavailable");
    }
    if (sw.expired) return send(res, 200, "application/json", errorEnvelope("DAT-SER-006", "Data share usage expired"));
    if (sw.missing) return send(res, 200, "application/json", errorEnvelope("DAT-SER-003", "File does not exists or File is empty"));
    const body = await opts.resolve(key, policyId, subscriberId);
    if (body === null) return send(res, 200, "application/json", errorEnvelope("DAT-SER-006", "Data share not found"));
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    res.setHeader("Signature", opts.signatureDisabled ? "" : detachedJws(bytes, signingKey));
    send(res, 200, "application/octet-stream", req.method === "HEAD" ? Buffer.alloc(0) : bytes, bytes.length);
  }

  function validToken(req: IncomingMessage): boolean {
    const auth = req.headers.authorization;
    let token = auth?.startsWith("Bearer ") ? auth.slice(7).trim() : undefined;
    if (!token) token = /(?:^|;\s*)Authorization=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
    if (!token) return false;
    const expires = tokens.get(token);
    return expires !== undefined && expires > Date.now();
  }

  function issue(): string {
    const token = randomBytes(24).toString("base64url");
    tokens.set(token, Date.now() + lifetime * 1000);
    issued++;
    return token;
  }

  async function oauthToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = (await readBody(req)).toString("utf8");
    const form = new URLSearchParams(text);
    let id = form.get("client_id");
    let secret = form.get("client_secret");
    const basic = req.headers.authorization?.startsWith("Basic ")
      ? Buffer.from(req.headers.authorization.slice(6), "base64").toString("utf8")
      : null;
    if (basic?.includes(":")) [id, secret] = [basic.slice(0, basic.indexOf(":")), basic.slice(basic.indexOf(":") + 1)];
    if (form.get("grant_type") !== "client_credentials")
      return send(res, 400, "application/json", JSON.stringify({ error: "unsupported_grant_type" }));
    if (!clients.some((c) => c.clientId === id && c.clientSecret === secret)) {
      return send(res, 401, "application/json", JSON.stringify({ error: "invalid_client" }));
    }
    send(res, 200, "application/json", JSON.stringify({ access_token: issue(), token_type: "Bearer", expires_in: lifetime }));
  }

  // MOSIP's own auth manager: JSON request, token returned in the `authorization` header.
  async function mosipToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let json: { request?: { clientId?: string; secretKey?: string } } = {};
    try {
      json = JSON.parse((await readBody(req)).toString("utf8"));
    } catch {
      /* answered as a failed login below */
    }
    const r = json.request ?? {};
    if (!clients.some((c) => c.clientId === r.clientId && c.clientSecret === r.secretKey)) {
      return send(res, 200, "application/json", errorEnvelope("KER-ATH-401", "Authentication Failed"));
    }
    const token = issue();
    res.setHeader("authorization", token);
    res.setHeader("set-cookie", `Authorization=${token}; Path=/; HttpOnly`);
    send(
      res,
      200,
      "application/json",
      JSON.stringify({
        id: null,
        version: null,
        responsetime: new Date().toISOString(),
        response: { status: "success", message: "Clientid and Secret key successful" },
        errors: null,
      }),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    setGlobal: (sw) => {
      global = { ...sw };
    },
    setShare: (key, sw) => {
      if (sw === null) perShare.delete(key);
      else perShare.set(key, { ...sw });
      failures.delete(key);
    },
    requestCount: (key) => counts.get(key) ?? 0,
    totalRequests: () => total,
    tokensIssued: () => issued,
    revokeTokens: () => tokens.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * JWS (ES256, detached payload) over the served bytes. MOSIP signs with its keymanager key; the MAS
 * has no way to check that key either, so the header's presence and shape are what matter.
 */
function detachedJws(body: Buffer, key: KeyObject): string {
  const header = Buffer.from(
    JSON.stringify({ alg: "ES256", typ: "JWT", "x-sha256": createHash("sha256").update(body).digest("base64url") }),
  ).toString("base64url");
  const payload = body.toString("base64url");
  const signature = sign("sha256", Buffer.from(`${header}.${payload}`), { key, dsaEncoding: "ieee-p1363" }).toString("base64url");
  return `${header}..${signature}`;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, length?: number): void {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.writeHead(status, { "content-type": type, "content-length": String(length ?? bytes.length) });
  res.end(bytes);
}

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
