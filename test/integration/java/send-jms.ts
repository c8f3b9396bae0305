// Sends files as JMS messages with ActiveMQ's own Java client (OpenWire), as MOSIP's registration
// processor does. Runs SendJms.java with JDK 17's single-file launcher; Debian's libactivemq-java jars.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const JARS = ["activemq-client", "geronimo-jms_1.1_spec", "geronimo-j2ee-management-1.1-spec", "hawtbuf", "slf4j-api", "slf4j-nop"];
const CLASSPATH = JARS.map((j) => `/usr/share/java/${j}.jar`).join(":");
const SOURCE = join(import.meta.dirname, "SendJms.java");

export interface SentMessage {
  messageId: string;
  /** JMSExpiration, epoch ms; 0 = never */
  expiration: number;
}

export async function sendJms(opts: {
  openwireUrl: string;
  queue: string;
  format: "text" | "bytes";
  ttlMs: number;
  bodies: (string | Uint8Array)[];
  /** For the whole batch; persistent sends wait for the broker's disk, which a busy machine makes slow. */
  timeoutMs?: number;
}): Promise<SentMessage[]> {
  const dir = mkdtempSync(join(tmpdir(), "sendjms-"));
  const files = opts.bodies.map((b, i) => {
    const f = join(dir, `m${i}`);
    writeFileSync(f, b);
    return f;
  });
  const stdout = await new Promise<string>((res, rej) =>
    execFile(
      "java",
      ["-cp", CLASSPATH, SOURCE, opts.openwireUrl, opts.queue, opts.format, String(opts.ttlMs), ...files],
      { timeout: opts.timeoutMs ?? 60_000 },
      (err, out, errOut) => (err ? rej(new Error(`SendJms failed: ${err.message}\n${errOut}`)) : res(out)),
    ),
  );
  return stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [messageId, expiration] = line.split(" ");
      return { messageId, expiration: Number(expiration) };
    });
}
