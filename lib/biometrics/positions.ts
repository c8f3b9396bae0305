/**
 * Shared vocabulary for where a biometric sample comes from, used both for
 * CBEFF subtypes and for the position codes inside ISO records so the two can
 * be compared directly.
 */

export const FINGER_POSITIONS = [
  "RIGHT_THUMB",
  "RIGHT_INDEX",
  "RIGHT_MIDDLE",
  "RIGHT_RING",
  "RIGHT_LITTLE",
  "LEFT_THUMB",
  "LEFT_INDEX",
  "LEFT_MIDDLE",
  "LEFT_RING",
  "LEFT_LITTLE",
] as const;

export type SingleFingerPosition = (typeof FINGER_POSITIONS)[number];

/** Multi-finger slap codes of ISO 19794-4 plus UNKNOWN for 0 and anything unrecognised. */
export type FingerPosition = SingleFingerPosition | "PLAIN_RIGHT_FOUR" | "PLAIN_LEFT_FOUR" | "PLAIN_THUMBS" | "UNKNOWN";

export type EyeSide = "LEFT" | "RIGHT" | "UNKNOWN";

/** ISO 19794-4 finger position code (same numbering in the 2005 and 2011 editions). */
export function fingerPositionFromCode(code: number): FingerPosition {
  if (code >= 1 && code <= 10) return FINGER_POSITIONS[code - 1];
  if (code === 13) return "PLAIN_RIGHT_FOUR";
  if (code === 14) return "PLAIN_LEFT_FOUR";
  if (code === 15) return "PLAIN_THUMBS";
  return "UNKNOWN";
}

/** ISO 19794-6 eye label / subtype identifier (1 right, 2 left in both editions). */
export function eyeFromCode(code: number): EyeSide {
  if (code === 1) return "RIGHT";
  if (code === 2) return "LEFT";
  return "UNKNOWN";
}
