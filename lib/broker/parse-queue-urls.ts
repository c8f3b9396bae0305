// MOSIP_QUEUE_URL: one STOMP URL, or several separated by commas meaning failover in the given order
// (MOSIP's own Java side wraps its broker list as failover:(…)?randomize=false).

export interface BrokerEndpoint {
  host: string;
  port: number;
  login: string | undefined;
  passcode: string | undefined;
  /** For logs and /api/health: the password never leaves this object. */
  display: string;
}

export const DEFAULT_STOMP_PORT = 61613;

/** Throws with a message that never contains a password. env-schema has already checked the form. */
export function parseQueueUrls(value: string): BrokerEndpoint[] {
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
    if (u.protocol !== "stomp:") throw new Error(`MOSIP_QUEUE_URL entry ${out.length + 1} must start with stomp://`);
    const port = u.port === "" ? DEFAULT_STOMP_PORT : Number(u.port);
    const login = u.username === "" ? undefined : decodeURIComponent(u.username);
    const passcode = u.password === "" ? undefined : decodeURIComponent(u.password);
    // IPv6 literals keep their brackets in URL.hostname; net.connect wants them bare.
    const host = u.hostname.replace(/^\[(.*)\]$/, "$1");
    out.push({ host, port, login, passcode, display: maskUrl(u.hostname, port, login, passcode) });
  }
  if (out.length === 0) throw new Error("MOSIP_QUEUE_URL holds no broker URL");
  return out;
}

function maskUrl(host: string, port: number, login: string | undefined, passcode: string | undefined): string {
  const user = login === undefined ? "" : `${encodeURIComponent(login)}${passcode === undefined ? "" : ":***"}@`;
  return `stomp://${user}${host}:${port}`;
}
