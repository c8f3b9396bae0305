/** The content type of a document by its first bytes; MOSIP datashares carry no type for documents. */
export function sniffDocumentType(b: Uint8Array): "application/pdf" | "image/jpeg" | "image/png" | null {
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return "application/pdf";
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return "image/png";
  return null;
}
