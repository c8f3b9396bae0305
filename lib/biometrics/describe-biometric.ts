import type { GridSlot } from "./grid";

/**
 * A translator over the whole message catalogue (next-intl's `useTranslations()` without a namespace, or
 * `createTranslator`): the text comes from messages/<language>.json, never from here.
 */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface BiometricImage {
  slot: GridSlot;
  /** The capture quality score MOSIP sent (0-100), or null when the record carries none. */
  quality: number | null;
  /** Whose image it is ("Applicant", "Candidate 2"), where the surroundings do not already say it. */
  subject?: string;
}

/**
 * The text alternative of a biometric image: its anatomical position and capture quality in the officer's language,
 * "Right thumb, quality 78". Every biometric <img> takes its alt from here, so that a screen reader user hears the
 * same words wherever the image is shown.
 */
export function describeBiometric(t: Translate, image: BiometricImage): string {
  const position = t(`labels.slots.${image.slot}`);
  const text =
    image.quality === null
      ? t("biometricImage.noQuality", { position })
      : t("biometricImage.withQuality", { position, quality: Math.round(image.quality) });
  return image.subject ? t("biometricImage.ofSubject", { subject: image.subject, image: text }) : text;
}
