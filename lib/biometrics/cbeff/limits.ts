/**
 * Largest CBEFF XML accepted. A full 1.2 registration (10 fingers, 2 irises,
 * face, exception photo, device payloads) is around 1-3 MiB; the margin allows
 * for high-resolution devices without letting one request exhaust memory.
 */
export const MAX_CBEFF_XML_BYTES = 64 * 1024 * 1024;
