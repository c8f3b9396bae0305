// Drains a queue with ActiveMQ's own Java client (OpenWire), as MOSIP's registration processor reads its
// response queues, and reports each message's JMS type, correlation id and body. Runs RecvJms.java.
import { execFile } from "node:child_process";
import { join } from "node:path";

const JARS = ["activemq-client", "geronimo-jms_1.1_spec", "geronimo-j2ee-management-1.1-spec", "hawtbuf", "slf4j-api", "slf4j-nop"];
const CLASSPATH = JARS.map((j) => `/usr/share/java/${j}.jar`).join(":");
const SOURCE = join(import.meta.dirname, "RecvJms.java");

export interface ReceivedJms {
  type: "TextMessage" | "BytesMessage" | string;
  correlationId: string | null;
  duplicateId: string | null;
  body: string;
}

/** Receives until the queue has been quiet for idleMs. */
export async function receiveJms(opts: { openwireUrl: string; queue: string; idleMs?: number }): Promise<ReceivedJms[]> {
  const stdout = await new Promise<string>((res, rej) =>
    execFile(
      "java",
      ["-cp", CLASSPATH, SOURCE, opts.openwireUrl, opts.queue, String(opts.idleMs ?? 1500)],
      { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (err, out, errOut) => (err ? rej(new Error(`RecvJms failed: ${err.message}\n${errOut}`)) : res(out)),
    ),
  );
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [type, corr, dup, b64] = line.split("\t");
      return {
        type,
        correlationId: corr === "-" ? null : corr,
        duplicateId: dup === "-" ? null : dup,
        body: Buffer.from(b64, "base64").toString("utf8"),
      };
    });
}
