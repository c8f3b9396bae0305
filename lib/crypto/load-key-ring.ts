import "server-only";
// File-reading wrapper around createKeyRing. Kept apart from key-ring.ts so the pure part stays
// importable from scripts (the simulator) that do not run under the react-server condition.

import { readFileSync } from "node:fs";
import { createKeyRing, KeyRingError, type KeyRing } from "./key-ring";

export const PRIVATE_KEY_FILES_VAR = "MAS_PARTNER_PRIVATE_KEY_FILE";
export const CERTIFICATE_FILES_VAR = "MAS_PARTNER_CERTIFICATE_FILE";

/** "a.pem, b.pem" -> ["a.pem","b.pem"]; empty entries dropped. */
export function splitPathList(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** Pairs the i-th key file with the i-th certificate file. */
export function loadKeyRingFromFiles(privateKeyFiles: readonly string[], certificateFiles: readonly string[]): KeyRing {
  if (privateKeyFiles.length !== certificateFiles.length) {
    throw new KeyRingError(
      "CONFIG",
      `${privateKeyFiles.length} private key file(s) but ${certificateFiles.length} certificate file(s); list them in matching order`,
    );
  }
  if (privateKeyFiles.length === 0) throw new KeyRingError("CONFIG", "no partner key files given");
  return createKeyRing(
    privateKeyFiles.map((keyFile, i) => ({
      privateKeyPem: read(keyFile, "private key"),
      certificatePem: read(certificateFiles[i], "certificate"),
      label: `${keyFile} + ${certificateFiles[i]}`,
    })),
  );
}

/**
 * From MAS_PARTNER_PRIVATE_KEY_FILE / MAS_PARTNER_CERTIFICATE_FILE (comma-separated, same order).
 * Returns null when neither is set: then only plain (encryptionType "none") datashares can be read.
 */
export function loadKeyRingFromEnv(env: Record<string, string | undefined> = process.env): KeyRing | null {
  const keys = splitPathList(env[PRIVATE_KEY_FILES_VAR]);
  const certs = splitPathList(env[CERTIFICATE_FILES_VAR]);
  if (keys.length === 0 && certs.length === 0) return null;
  if (keys.length !== certs.length) {
    throw new KeyRingError(
      "CONFIG",
      `${PRIVATE_KEY_FILES_VAR} lists ${keys.length} file(s) but ${CERTIFICATE_FILES_VAR} lists ${certs.length}; they must pair up`,
    );
  }
  return loadKeyRingFromFiles(keys, certs);
}

function read(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "read error";
    throw new KeyRingError(what === "certificate" ? "INVALID_CERTIFICATE" : "INVALID_KEY", `cannot read ${what} file ${path}: ${code}`);
  }
}
