// A MAS partner key ring on disk, for tests that boot a whole instance where real data may arrive (a configured
// queue or production): start-up is refused without one (lib/crypto/runtime-key-ring.ts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatePartnerKey } from "@/lib/crypto/generate-partner-key";

export function writePartnerKeyFiles(dir: string): { MAS_PARTNER_PRIVATE_KEY_FILE: string; MAS_PARTNER_CERTIFICATE_FILE: string } {
  const key = generatePartnerKey({ commonName: "mas-test-partner" });
  const privateKeyFile = join(dir, "partner-key.pem");
  const certificateFile = join(dir, "partner-cert.pem");
  writeFileSync(privateKeyFile, key.privateKeyPem, { mode: 0o600 });
  writeFileSync(certificateFile, key.certificatePem);
  return { MAS_PARTNER_PRIVATE_KEY_FILE: privateKeyFile, MAS_PARTNER_CERTIFICATE_FILE: certificateFile };
}
