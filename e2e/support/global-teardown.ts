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

async function waitForExit(pids: number[], ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (pids.some(alive) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
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
  await waitForExit(pids, 15_000);
  // The embedded server's PGlite database can be read only once that server has let go of it.
  const embedded = all.embedded.pid;
  await waitForExit([embedded], 45_000);
  if (alive(embedded)) {
    process.kill(-embedded, "SIGKILL");
    await waitForExit([embedded], 5_000);
  }
  await assertNoPlaintextPii(all.postgresql);
}
