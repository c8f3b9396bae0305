import { existsSync } from "node:fs";
import { SERVERS_FILE, servers } from "./servers";

export default async function globalTeardown() {
  if (!existsSync(SERVERS_FILE)) return;
  for (const s of Object.values(servers())) {
    try {
      process.kill(-s.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
}
