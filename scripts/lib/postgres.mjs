// Starts a private PostgreSQL server for tests from Debian's binaries, in a folder of its own, on loopback.
// The server refuses to run as root, so as root it runs as the "postgres" system user.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, chownSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import net from "node:net";

export function pgBin() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql");
  const versions = readdirSync(base)
    .filter((v) => existsSync(`${base}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error("no initdb under /usr/lib/postgresql: apt-get install -y postgresql");
  return `${base}/${versions[0]}/bin`;
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
    s.on("error", rej);
  });
}

function asPostgres(cmd, args) {
  const root = process.getuid?.() === 0;
  const r = root
    ? spawnSync("runuser", ["-u", "postgres", "--", cmd, ...args], { encoding: "utf8" })
    : spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Starts a fresh server; returns { url(db), stop() }. */
export async function startPostgres(workDir) {
  const bin = pgBin();
  const dir = resolve(workDir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  asPostgres(`${bin}/initdb`, ["-D", `${dir}/data`, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  asPostgres(`${bin}/pg_ctl`, [
    "-D",
    `${dir}/data`,
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    "-l",
    `${dir}/pg.log`,
    "-w",
    "start",
  ]);
  const stop = () => {
    try {
      asPostgres(`${bin}/pg_ctl`, ["-D", `${dir}/data`, "-m", "fast", "-w", "stop"]);
    } catch {
      /* already stopped */
    }
  };
  const createDb = (name) => {
    const r = spawnSync(
      "psql",
      ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-c", `CREATE DATABASE "${name}"`],
      { encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`create database ${name}: ${r.stderr}`);
    return `postgresql://postgres@127.0.0.1:${port}/${name}`;
  };
  return { port, createDb, stop };
}
