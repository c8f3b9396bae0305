export const MAX_IMAGE_SIDE: number;
export const MAX_RASTER_PIXELS: number;
export const MAX_ENCODED_IMAGE_BYTES: number;
export const MAX_COMPONENTS: number;
export const MAX_BIT_DEPTH: number;
