import { existsSync } from "node:fs";
import { assertNoPlaintextPii } from "./pii-scan";
import { SERVERS_FILE, servers } from "./servers";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalTeardown() {
  if (!existsSync(SERVERS_FILE)) return;
  const all = servers();
  const pids = Object.values(all).map((s) => s.pid);
  for (const pid of pids) {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
  // The logs are complete only once the servers have exited.
  const end = Date.now() + 15_000;
  while (pids.some(alive) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  assertNoPlaintextPii(all.postgresql);
}
