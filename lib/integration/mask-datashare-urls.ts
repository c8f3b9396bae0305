// Datashare URLs are bearer capabilities: whoever holds one can fetch a person's biometrics until it
// expires. Intake errors are shown to admins with their raw body (it holds only ids and URLs), so the
// last path segment of every URL in it (the share's key), and any query, is masked before it leaves the server.

const URL_IN_TEXT = /https?:\/\/[^\s"'\\<>]+/gi;

export function maskUrl(url: string): string {
  const schemeEnd = url.indexOf("//") + 2;
  const pathStart = url.indexOf("/", schemeEnd);
  if (pathStart < 0) return url;
  const cut = url.search(/[?#]/);
  const path = cut >= 0 ? url.slice(0, cut) : url;
  const last = path.lastIndexOf("/");
  if (last < pathStart) return url;
  const segment = path.slice(last + 1);
  return `${path.slice(0, last + 1)}${segment === "" ? "" : "•••"}${cut >= 0 ? "?•••" : ""}`;
}

/** Masks every http(s) URL found in a text, including URLs inside JSON strings inside JSON (MOSIP's LTS form). */
export function maskDatashareUrls(text: string): string {
  return text.replace(URL_IN_TEXT, (u) => {
    // A URL inside a JSON string ends before a trailing comma/bracket that the pattern may have taken.
    const m = /^(.*?)([,\]}]*)$/.exec(u)!;
    return maskUrl(m[1]) + m[2];
  });
}
