// Whole MAS instances as separate processes, for the scale-out fault test and `npm run bench:scale`: start one
// with its environment, wait until it is booted, kill it, and read the CPU time it has used from /proc. Two kinds:
// app-child.ts (the boot of instrumentation.ts without the web server, from the sources), and the production
// artifact (`node start.mjs` in dist/mas, web server included), which answers the API as a deployed pod does.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HEALTH_PATHS } from "../../../scripts/lib/kubernetes-manifests";

const CHILD = join(import.meta.dirname, "app-child.ts");
const ROOT = join(import.meta.dirname, "..", "..", "..");
/** Where `npm run build:artifact` (scripts/build-artifact.mjs) writes the production artifact. */
export const ARTIFACT = join(ROOT, "dist", "mas");
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

export interface WebMasInstance extends MasInstance {
  /** Where its web server answers, e.g. http://127.0.0.1:41234. */
  readonly url: string;
}

/** Starts an instance with exactly the inherited environment plus `env`; resolves once it printed "ready". */
export function startMasInstance(name: string, env: Record<string, string>, readyWithinMs = 180_000): Promise<MasInstance> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "development", MAS_DEPLOYMENT: "development", NEXT_MANUAL_SIG_HANDLE: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const instance = watchInstance(name, child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      child.kill("SIGKILL");
      reject(new Error(`instance ${name} not ready within ${readyWithinMs} ms:\n${instance.output().slice(-3000)}`));
    }, readyWithinMs);
    const poll = setInterval(() => {
      if (/(^|\n)ready(\n|$)/.test(instance.output())) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(instance);
      }
    }, 50);
    void instance.exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`instance ${name} exited (${code}) before it was ready:\n${instance.output().slice(-3000)}`));
    });
  });
}

/**
 * Starts the production artifact (dist/mas, built beforehand) on `port` with only PATH and `env` as its
 * environment, as its container would run; resolves once its readiness probe (the one Kubernetes uses) answers.
 */
export async function startArtifactInstance(
  name: string,
  port: number,
  env: Record<string, string>,
  readyWithinMs = 180_000,
): Promise<WebMasInstance> {
  const url = `http://127.0.0.1:${port}`;
  // Exactly these variables, nothing inherited from the test: what the container's environment would hold.
  const only: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin", PORT: String(port), NEXTAUTH_URL: url, ...env };
  const child = spawn(process.execPath, ["start.mjs"], {
    cwd: ARTIFACT,
    env: only as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const instance = { ...watchInstance(name, child), url };
  const end = Date.now() + readyWithinMs;
  while (Date.now() < end) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `instance ${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${instance.output().slice(-3000)}`,
      );
    try {
      if ((await fetch(`${url}${HEALTH_PATHS.ready}`)).ok) return instance;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error(
    `instance ${name} not ready at ${url}${HEALTH_PATHS.ready} within ${readyWithinMs} ms:\n${instance.output().slice(-3000)}`,
  );
}

/** Keeps the tail of a child's output and gives it the kill and stop of a MAS instance. */
function watchInstance(name: string, child: ChildProcess): MasInstance & { exited: Promise<number | null> } {
  let out = "";
  const keep = (b: Buffer) => {
    out += b.toString();
    if (out.length > 2 * KEEP_CHARS) out = out.slice(-KEEP_CHARS);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return {
    name,
    child,
    pid: child.pid!,
    exited,
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
