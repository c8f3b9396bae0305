export const MAX_RASTER_PIXELS: number;
