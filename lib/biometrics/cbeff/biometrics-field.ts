import { CbeffError } from "./cbeff-error";
import { MAX_CBEFF_XML_BYTES } from "./limits";

// URL-safe alphabet as MOSIP writes it; '+' and '/' are accepted too because
// some producers re-encode with the standard alphabet. Padding is optional.
const BASE64_ANY = /^[A-Za-z0-9\-_+/]*={0,2}$/;

/**
 * Decodes the datashare `biometrics` field (URL-safe base64 without padding
 * of the CBEFF XML bytes, per kernel CryptoUtil.encodeToURLSafeBase64) to the
 * XML text.
 */
export function decodeBiometricsField(b64url: string): string {
  const compact = b64url.replace(/\s+/g, "");
  if (compact.length === 0) throw new CbeffError("biometrics field is empty");
  if (!BASE64_ANY.test(compact)) {
    throw new CbeffError("biometrics field is not base64: it contains characters outside the base64 alphabets");
  }
  const unpadded = compact.replace(/=+$/, "");
  if (unpadded.length % 4 === 1) {
    throw new CbeffError(`biometrics field is not valid base64: length ${unpadded.length} cannot encode whole bytes`);
  }
  const decodedLength = Math.floor((unpadded.length * 3) / 4);
  if (decodedLength > MAX_CBEFF_XML_BYTES) {
    throw new CbeffError(`biometrics field decodes to ${decodedLength} bytes, over the ${MAX_CBEFF_XML_BYTES}-byte CBEFF limit`);
  }
  // Node's base64url decoder also accepts the standard alphabet.
  return Buffer.from(unpadded, "base64url").toString("utf8");
}
