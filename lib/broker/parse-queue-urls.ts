// MOSIP_QUEUE_URL: one STOMP URL, or several separated by commas meaning failover in the given order
// (MOSIP's own Java side wraps its broker list as failover:(…)?randomize=false). stomp+ssl:// is STOMP over TLS,
// as ActiveMQ names its connector; plain and TLS members may be mixed in one list.

/** MOSIP_QUEUE_TLS_*: files read at each connection (a renewed certificate is picked up without a restart). */
export interface QueueTlsFiles {
  /** PEM CA bundle the broker's certificate must chain to; unset = the system's CAs. */
  caFile: string | undefined;
  /** Client certificate and key (PEM), for brokers that require one. */
  certFile: string | undefined;
  keyFile: string | undefined;
}

export interface BrokerEndpoint {
  host: string;
  port: number;
  login: string | undefined;
  passcode: string | undefined;
  /** Set for stomp+ssl://: connect over TLS, verifying the broker's certificate for `host`. */
  tls: QueueTlsFiles | null;
  /** For logs and /api/health: the password never leaves this object. */
  display: string;
}

export const DEFAULT_STOMP_PORT = 61613;
/** ActiveMQ's customary stomp+ssl port. */
export const DEFAULT_STOMP_SSL_PORT = 61614;

const NO_TLS_FILES: QueueTlsFiles = { caFile: undefined, certFile: undefined, keyFile: undefined };

/** Throws with a message that never contains a password. env-schema has already checked the form. */
export function parseQueueUrls(value: string, tlsFiles: QueueTlsFiles = NO_TLS_FILES): BrokerEndpoint[] {
  const out: BrokerEndpoint[] = [];
  for (const raw of value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")) {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new Error(`MOSIP_QUEUE_URL entry ${out.length + 1} is not a URL`);
    }
    if (u.protocol !== "stomp:" && u.protocol !== "stomp+ssl:")
      throw new Error(`MOSIP_QUEUE_URL entry ${out.length + 1} must start with stomp:// or stomp+ssl://`);
    const secure = u.protocol === "stomp+ssl:";
    const port = u.port === "" ? (secure ? DEFAULT_STOMP_SSL_PORT : DEFAULT_STOMP_PORT) : Number(u.port);
    const login = u.username === "" ? undefined : decodeURIComponent(u.username);
    const passcode = u.password === "" ? undefined : decodeURIComponent(u.password);
    // IPv6 literals keep their brackets in URL.hostname; net.connect wants them bare.
    const host = u.hostname.replace(/^\[(.*)\]$/, "$1");
    out.push({
      host,
      port,
      login,
      passcode,
      tls: secure ? tlsFiles : null,
      display: maskUrl(secure ? "stomp+ssl" : "stomp", u.hostname, port, login, passcode),
    });
  }
  if (out.length === 0) throw new Error("MOSIP_QUEUE_URL holds no broker URL");
  return out;
}

function maskUrl(scheme: string, host: string, port: number, login: string | undefined, passcode: string | undefined): string {
  const user = login === undefined ? "" : `${encodeURIComponent(login)}${passcode === undefined ? "" : ":***"}@`;
  return `${scheme}://${user}${host}:${port}`;
}
