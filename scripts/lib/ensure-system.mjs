// Installs the Debian packages the tests use when they are missing: Chromium for Playwright, PostgreSQL,
// ActiveMQ (with a JDK for the Java JMS client), OpenJPEG's tools (the reference decoder in tests) and poppler's
// PDF tools (the printed quality report).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
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
  // pdfinfo, pdftotext and pdftoppm: the e2e test opens the printed quality report and renders its first page.
  { pkg: "poppler-utils", present: () => existsSync("/usr/bin/pdftoppm") },
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

const KUBECTL_DIR = ".test-work/kubernetes-client";

/**
 * Debian's kubectl (package kubernetes-client, kubectl 1.20 with kustomize 2.0.3), for rendering deploy/kubernetes.
 * Unpacked under .test-work rather than installed: its /usr/bin/kubectl would clash with another kubectl that a
 * machine may already have there (a cloud SDK's package owns that path on ours), and the test must use Debian's.
 * Returns the absolute path of the binary.
 */
export function debianKubectl() {
  const bin = resolve(KUBECTL_DIR, "usr", "bin", "kubectl");
  if (existsSync(bin)) return bin;
  mkdirSync(".test-work", { recursive: true });
  const download = mkdtempSync(join(".test-work", "kubernetes-client-deb-"));
  try {
    const get = () =>
      spawnSync("apt-get", ["download", "-qq", "kubernetes-client"], { cwd: download, stdio: ["ignore", "ignore", "pipe"] });
    let r = get();
    if (r.status !== 0 && process.getuid?.() === 0) {
      spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
      r = get();
    }
    const deb = readdirSync(download).find((f) => f.startsWith("kubernetes-client_") && f.endsWith(".deb"));
    if (r.status !== 0 || !deb) throw new Error(`apt-get download kubernetes-client failed: ${r.stderr}`);
    mkdirSync(KUBECTL_DIR, { recursive: true });
    r = spawnSync("dpkg-deb", ["-x", join(download, deb), KUBECTL_DIR], { stdio: "inherit" });
    if (r.status !== 0 || !existsSync(bin)) throw new Error(`dpkg-deb -x ${deb} gave no usr/bin/kubectl`);
    return bin;
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
}
