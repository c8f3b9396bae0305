// Shared by the TypeScript decoders and the plain-JavaScript ones the worker loads.

/**
 * Longest side accepted for any biometric image, read from the ISO record and
 * from the codestream header before anything is decoded. ISO 19794 practice
 * stays far below it: a four-finger slap at 1000 ppi is about 3200x3000, an
 * iris image 640x480 (19794-6), a full-frontal face a few megapixels (MOSIP's
 * SBI faces and the exception photo are well under 2000 px a side). A larger
 * declaration is a hostile or broken record, and refusing it before decoding
 * keeps one record from forcing a multi-gigabyte allocation.
 */
export const MAX_IMAGE_SIDE = 4096;

/** Upper bound on decoded pixels: the square of MAX_IMAGE_SIDE (16.7 Mpx, 16 MiB of 8-bit grey). */
export const MAX_RASTER_PIXELS = MAX_IMAGE_SIDE * MAX_IMAGE_SIDE;

/**
 * Largest compressed image accepted. A lossless 1000 ppi slap in JPEG 2000 is
 * about 5 MiB; the margin allows odd devices without letting one image hold
 * the decoder's input buffer at the size of a whole CBEFF document.
 */
export const MAX_ENCODED_IMAGE_BYTES = 16 * 1024 * 1024;

/** Colour components: grey, grey+alpha, RGB, RGBA. */
export const MAX_COMPONENTS = 4;

/** Bits per sample; JPEG 2000 allows up to 38, biometric devices use 8 (sometimes 16 for grey). */
export const MAX_BIT_DEPTH = 16;
