// Layout of a partner-encrypted MOSIP datashare (contract notes 4.2 and 9; MOSIP doc
// "Sample Encrypted Response"). Shared by the decryptor and the simulator's encryptor.
//
//   body   = URL-safe base64, no padding, of  Block1 || "#KEY_SPLITTER#" || Block2
//   VER_R2 (MOSIP 1.2.0+):
//     Block1 = "VER_R2" (6) || thumbprint (32) || RSA-OAEP(SHA-256, MGF1-SHA-256)(AES key)
//     Block2 = random (32) || AES-GCM ciphertext || tag (16)
//              nonce = random[0..12], AAD = all 32 random bytes
//   legacy (MOSIP <= 1.1.5.5):
//     Block1 = thumbprint (32) || RSA-OAEP(...)(AES key)
//     Block2 = AES-GCM ciphertext || tag (16) || IV (16), no AAD
//
// Legacy IV length: the documentation says "the last 32 bytes", but keymanager's CryptoCore takes
// the IV as the last cipher.getBlockSize() bytes, i.e. 16 for AES (contract notes 9, confirmed in
// mosip/keymanager). A 32-byte reading would eat 16 bytes of the tag, so we follow the code.

export const KEY_SPLITTER = Buffer.from("#KEY_SPLITTER#", "ascii");
export const VERSION_R2 = Buffer.from("VER_R2", "ascii");
export const THUMBPRINT_LENGTH = 32;
export const R2_RANDOM_LENGTH = 32;
export const GCM_NONCE_LENGTH = 12;
export const GCM_TAG_LENGTH = 16;
export const LEGACY_IV_LENGTH = 16;

export type EncryptedDatashareFormat = "VER_R2" | "LEGACY";
