import "server-only";

/**
 * JPEG 2000 decoding on the calling thread. The implementation is plain
 * JavaScript (jpeg2000-wasm.mjs) because the decode worker loads the same
 * code without a TypeScript loader; this module is the typed, server-only
 * entry point for application code.
 */
export { decodeJpeg2000, type Jpeg2000Raster } from "./jpeg2000-wasm.mjs";
