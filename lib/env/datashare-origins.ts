// The datashare origins the MAS may fetch from (MOSIP_DATASHARE_ALLOWED_ORIGINS). A request message names its
// datashare URLs itself, so without this list anyone able to put a message on the queue could make the MAS send
// GETs (and the datashare bearer token) to any host it can reach. Origins are compared in one normal form,
// scheme://host:port with the default port written out, so "https://ds" and "https://DS:443/" are the same.

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

export type OriginsResult = { ok: true; origins: string[] } | { ok: false; problem: string };

/** The normal form of a URL's origin, or null when it is not an absolute http(s) URL with a host. */
export function originOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const fallback = DEFAULT_PORTS[u.protocol];
  if (fallback === undefined || u.hostname === "") return null;
  return `${u.protocol}//${u.hostname}:${u.port === "" ? fallback : u.port}`;
}

/** Parses the comma-separated list; each entry is an origin only (no path, query, fragment or credentials). */
export function parseAllowedOrigins(value: string): OriginsResult {
  const origins: string[] = [];
  for (const raw of value.split(",").map((s) => s.trim())) {
    if (raw === "") return { ok: false, problem: "has an empty entry; separate origins with single commas" };
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      return { ok: false, problem: `entry "${raw.slice(0, 80)}" is not an origin such as http://datashare.datashare:80` };
    }
    if (DEFAULT_PORTS[u.protocol] === undefined) {
      return { ok: false, problem: `entry "${raw.slice(0, 80)}" must start with http:// or https://` };
    }
    if (u.username !== "" || u.password !== "") return { ok: false, problem: `entry "${u.host}" must not carry credentials` };
    if (u.pathname !== "/" || u.search !== "" || u.hash !== "" || /^[a-z]+:\/\/[^/]+\/./i.test(raw)) {
      return {
        ok: false,
        problem: `entry "${raw.slice(0, 80)}" must be an origin only (scheme://host[:port]), without a path: datashare URLs are matched by origin`,
      };
    }
    const origin = originOf(raw);
    if (origin === null) return { ok: false, problem: `entry "${raw.slice(0, 80)}" has no host` };
    if (!origins.includes(origin)) origins.push(origin);
  }
  return { ok: true, origins };
}

/** True when the URL's origin is one of the allowed ones (given in normal form, as parseAllowedOrigins returns them). */
export function isAllowedOrigin(url: string, allowed: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowed.includes(origin);
}
