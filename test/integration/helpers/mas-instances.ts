// Whole MAS instances as separate processes (app-child.ts: the boot of instrumentation.ts without the web server),
// for the scale-out fault test and `npm run bench:scale`: start one with its environment, wait until it is booted,
// kill it, and read the CPU time it has used from /proc.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const CHILD = join(import.meta.dirname, "app-child.ts");
const ROOT = join(import.meta.dirname, "..", "..", "..");
/** What is kept of an instance's output: enough to show why it failed, bounded for a long run. */
const KEEP_CHARS = 20_000;

export interface MasInstance {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** The last lines the instance printed (stdout and stderr). */
  output(): string;
  /** SIGKILL: no handler runs, as when a node or a container dies. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful stop (decision 0014). Resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts an instance with exactly the inherited environment plus `env`; resolves once it printed "ready". */
export function startMasInstance(name: string, env: Record<string, string>, readyWithinMs = 180_000): Promise<MasInstance> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "development", MAS_DEPLOYMENT: "development", NEXT_MANUAL_SIG_HANDLE: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (b: Buffer) => {
    out += b.toString();
    if (out.length > 2 * KEEP_CHARS) out = out.slice(-KEEP_CHARS);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const instance: MasInstance = {
    name,
    child,
    pid: child.pid!,
    output: () => out.slice(-KEEP_CHARS),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      child.kill("SIGKILL");
      reject(new Error(`instance ${name} not ready within ${readyWithinMs} ms:\n${out.slice(-3000)}`));
    }, readyWithinMs);
    const poll = setInterval(() => {
      if (/(^|\n)ready(\n|$)/.test(out)) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(instance);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`instance ${name} exited (${code}) before it was ready:\n${out.slice(-3000)}`));
    });
  });
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU seconds (user + system) a process has used so far, read from /proc/<pid>/stat; with `children`, also
 * those of its children that have exited and been waited for (PostgreSQL's closed backends). 0 once it is gone.
 */
export function cpuSeconds(pid: number, opts: { children?: boolean } = {}): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return 0;
  }
  // Fields after the command name (which may hold spaces), counted from field 3 (state).
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(f[11]) + Number(f[12]) + (opts.children ? Number(f[13]) + Number(f[14]) : 0);
  return ticks / TICKS_PER_SECOND;
}

/** The ids of a process's living children (PostgreSQL's backends under its postmaster). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
