/**
 * CBEFF <Type>/<Subtype> normalisation. MOSIP writes subtypes as
 * space-separated words from the CBEFF vocabulary ("Left IndexFinger",
 * "Right Thumb", "Left" for an iris, empty for a face); other producers vary
 * case and spacing ("LEFT_INDEX", "left index finger"). Normalising to the
 * same names as ISO finger positions lets the two be compared.
 */

const KNOWN_TYPES: Record<string, string> = {
  finger: "Finger",
  face: "Face",
  iris: "Iris",
  exceptionphoto: "ExceptionPhoto",
};

/** Canonical spelling for the modalities MOSIP uses; other CBEFF types are kept as written. */
export function normaliseType(raw: string): string {
  return KNOWN_TYPES[raw.toLowerCase()] ?? raw;
}

const FINGER_WORD = /^(THUMB|INDEX|MIDDLE|RING|LITTLE)(FINGER)?$/;

/**
 * "Left IndexFinger" -> "LEFT_INDEX", "Right Thumb" -> "RIGHT_THUMB",
 * "Left" -> "LEFT", "" -> null; unrecognised words are upper-cased and
 * joined with "_" so nothing is silently dropped.
 */
export function normaliseSubtype(raw: string): string | null {
  const words = raw
    .split(/[\s_-]+/)
    .map((w) => w.toUpperCase())
    .filter((w) => w.length > 0 && w !== "FINGER");
  if (words.length === 0) return null;
  const side = words.find((w) => w === "LEFT" || w === "RIGHT");
  const finger = words.map((w) => FINGER_WORD.exec(w)?.[1]).find((w) => w !== undefined);
  if (side && finger && words.length === 2) return `${side}_${finger}`;
  if (side && words.length === 1) return side;
  return words.join("_");
}
