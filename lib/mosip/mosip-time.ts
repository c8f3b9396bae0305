// Timestamps in MOSIP queue messages.
//
// regproc writes `requesttime` with `mosip.registration.processor.datetime.pattern`
// = yyyy-MM-dd'T'HH:mm:ss.SSS'Z' (always UTC). We send the same pattern back. MOSIP's own samples
// show other ISO shapes (7 fraction digits, "+00:00"), so parsing is lenient while formatting is exact.

const STRICT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const LENIENT = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** yyyy-MM-dd'T'HH:mm:ss.SSS'Z' in UTC. Throws on an invalid date or a year outside 0000-9999. */
export function formatMosipTime(date: Date): string {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError("formatMosipTime: invalid date");
  const s = date.toISOString();
  // toISOString switches to a 6-digit signed year outside 0-9999, which Java's pattern cannot read.
  if (!STRICT.test(s)) throw new RangeError(`formatMosipTime: year out of range in ${s}`);
  return s;
}

/** True when `s` has exactly the pattern MOSIP writes and names a real instant. */
export function isMosipTimeFormat(s: unknown): boolean {
  return typeof s === "string" && STRICT.test(s) && parseMosipTime(s) !== null;
}

/**
 * Parses MOSIP's pattern and common ISO-8601 variants: optional seconds and fraction (any length,
 * truncated to milliseconds), "Z", "+hh:mm", "+hhmm", "+hh", or no zone. No zone means UTC,
 * because regproc formats a UTC LocalDateTime. Returns null for anything else, including
 * impossible dates such as 2021-02-30.
 */
export function parseMosipTime(s: string): Date | null {
  const m = LENIENT.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, sec = "0", frac = "", zone = "Z"] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(sec);
  const ms = Number(frac.padEnd(3, "0").slice(0, 3));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(utc);
  // Date.UTC rolls 2021-02-30 over to March; reject instead of guessing.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  let offsetMinutes = 0;
  if (zone !== "Z" && zone !== "z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return new Date(utc - offsetMinutes * 60_000);
}
