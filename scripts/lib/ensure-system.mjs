// Installs the Debian packages the tests use when they are missing: Chromium for Playwright, PostgreSQL,
// ActiveMQ (with a JDK for the Java JMS client) and OpenJPEG's tools (the reference decoder in tests).
import { existsSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";

const NEEDS = [
  { pkg: "chromium", present: () => existsSync("/usr/bin/chromium") },
  {
    pkg: "postgresql",
    present: () =>
      existsSync("/usr/lib/postgresql") &&
      readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)),
  },
  { pkg: "activemq", present: () => existsSync("/usr/share/activemq/bin/activemq.jar") },
  { pkg: "default-jdk-headless", present: () => existsSync("/usr/bin/javac") },
  { pkg: "libopenjp2-tools", present: () => existsSync("/usr/bin/opj_decompress") },
];

export function ensureSystemPackages() {
  const missing = NEEDS.filter((n) => !n.present()).map((n) => n.pkg);
  if (!missing.length) return;
  if (process.getuid?.() !== 0)
    throw new Error(`missing Debian packages: ${missing.join(" ")}. Install them as root: apt-get install -y ${missing.join(" ")}`);
  console.log(`[setup] apt-get install ${missing.join(" ")} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let r = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  if (r.status !== 0) throw new Error("apt-get update failed");
  r = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { stdio: "inherit", env });
  if (r.status !== 0) throw new Error(`apt-get install ${missing.join(" ")} failed`);
}
