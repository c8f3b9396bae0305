// Shared by the bridge-*.test.ts files: MOSIP request builders, a STOMP test client, polling.
import { randomUUID } from "node:crypto";
import { Client, type IMessage } from "@stomp/stompjs";
import { TCPWrapper } from "@stomp/tcp-wrapper";
import { parseAllowedOrigins } from "@/lib/env/datashare-origins";
import { parseEnv, type MosipEnv } from "@/lib/env/env-schema";

/** Where the builders below point datashare URLs by default: a closed port, so a download fails at once. */
export const CLOSED_DATASHARE_ORIGIN = "http://127.0.0.1:9";

/** The allow-list (MOSIP_DATASHARE_ALLOWED_ORIGINS) in normal form, for tests that call the intake or worker directly. */
export function allowedOrigins(...origins: string[]): string[] {
  const r = parseAllowedOrigins((origins.length ? origins : [CLOSED_DATASHARE_ORIGIN]).join(","));
  if (!r.ok) throw new Error(r.problem);
  return r.origins;
}

/** Intake options of a test calling receiveRequest: its datashare origins (default: the closed port above). */
export function intakeOptions(origins: string[] = [], extra: { maxBytes?: number; deadlineWindowMinutes?: number } = {}) {
  return { maxBytes: 1 << 20, deadlineWindowMinutes: 90, ...extra, allowedOrigins: allowedOrigins(...origins) };
}

/**
 * The MOSIP env of a test with a queue: MOSIP_QUEUE_URL needs MOSIP_DATASHARE_ALLOWED_ORIGINS, here the origins
 * of the test's datashare servers (default: the closed port above).
 */
export function queueEnv(vars: Record<string, string>, origins: string[] = []): MosipEnv {
  return parseEnv({ MOSIP_DATASHARE_ALLOWED_ORIGINS: (origins.length ? origins : [CLOSED_DATASHARE_ORIGIN]).join(","), ...vars }).mosip;
}

export function rid(): string {
  // 29 digits like a MOSIP RID; random so test cases never collide.
  let s = "10001";
  while (s.length < 29) s += Math.floor(Math.random() * 10);
  return s;
}

export function adjudicationRequest(opts: {
  requestId?: string;
  referenceId?: string;
  referenceURL?: unknown;
  gallery?: { referenceId: string; referenceURL: unknown }[];
  requesttime?: string;
}): Record<string, unknown> {
  return {
    id: "mosip.manual.adjudication.adjudicate",
    version: "1.0",
    requestId: opts.requestId ?? randomUUID(),
    referenceId: opts.referenceId ?? rid(),
    requesttime: opts.requesttime ?? new Date().toISOString(),
    referenceURL: opts.referenceURL === undefined ? `${CLOSED_DATASHARE_ORIGIN}/v1/datashare/get/p/s/applicant` : opts.referenceURL,
    addtional: null,
    gallery: { referenceIds: opts.gallery ?? [] },
  };
}

export function verificationRequest(opts: { requestId?: string; referenceId?: string; referenceURL?: string }): Record<string, unknown> {
  return {
    id: "mosip.verification.adjudicate",
    version: "1.0",
    requestId: opts.requestId ?? randomUUID(),
    referenceId: opts.referenceId ?? rid(),
    requesttime: new Date().toISOString(),
    referenceURL: opts.referenceURL ?? `${CLOSED_DATASHARE_ORIGIN}/v1/datashare/get/p/s/v`,
    addtional: null,
  };
}

/** MOSIP's default LTS form: a JSON array inside a string. */
export function ltsUrl(...urls: string[]): string {
  return JSON.stringify(
    urls.map((url, i) => ({ source: i === 0 ? "packet" : "idrepo", status: i === 0 ? "PROCESSING" : "PROCESSED", url })),
  );
}

/**
 * How long a test waits for a state before failing. A ceiling, not a budget: waitFor returns as soon as the state
 * holds, so this is set for a loaded shared machine (the suite runs with a core kept busy, docs/testing.md), not a
 * fast one. Node's test runner sets no per-test timeout here, so this message is what fails, never a test clock.
 */
export const STATE_CEILING_MS = 120_000;

/**
 * Polls until `probe` returns a truthy value and returns it. On the ceiling, fails naming what was awaited and,
 * when `seen` is given, what held instead (e.g. "states: READY, FETCHING").
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = STATE_CEILING_MS,
  seen?: () => Promise<string> | string,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) {
      const instead = seen ? `; seen instead: ${await seen()}` : "";
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${instead}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function connectStomp(port: number): Promise<Client> {
  const c = new Client({
    webSocketFactory: () => new TCPWrapper("127.0.0.1", port),
    connectHeaders: { host: "localhost" },
    reconnectDelay: 0,
    debug: () => {},
  });
  await new Promise<void>((res, rej) => {
    c.onConnect = () => res();
    c.onStompError = (f) => rej(new Error(f.headers.message));
    c.onWebSocketError = () => rej(new Error("cannot connect"));
    c.activate();
  });
  return c;
}

/** Publishes like a Node producer would: text = no content-length (TextMessage), bytes = BytesMessage. */
export async function publishStomp(
  port: number,
  queue: string,
  bodies: { body: string | Uint8Array; format?: "text" | "bytes"; headers?: Record<string, string> }[],
): Promise<void> {
  const c = await connectStomp(port);
  // A receipt on the last SEND confirms the broker has taken all of them (frames are handled in order).
  const receipt = randomUUID();
  const received = new Promise<void>((res) => c.watchForReceipt(receipt, () => res()));
  bodies.forEach((b, i) => {
    const headers: Record<string, string> = { persistent: "true", ...(b.headers ?? {}), ...(i === bodies.length - 1 ? { receipt } : {}) };
    if ((b.format ?? "text") === "text" && typeof b.body === "string") {
      c.publish({ destination: `/queue/${queue}`, body: b.body, headers, skipContentLengthHeader: true });
    } else {
      c.publish({
        destination: `/queue/${queue}`,
        binaryBody: typeof b.body === "string" ? new TextEncoder().encode(b.body) : b.body,
        headers,
      });
    }
  });
  if (bodies.length) await received;
  await c.deactivate();
}

/** Messages still on a queue (including delivered-but-unacknowledged ones), by STOMP queue browsing. */
export async function countQueue(port: number, queue: string): Promise<number> {
  const c = await connectStomp(port);
  const n = await new Promise<number>((res) => {
    let count = 0;
    c.subscribe(
      `/queue/${queue}`,
      (m: IMessage) => {
        if (m.headers.browser === "end") res(count);
        else count++;
      },
      { browser: "true" },
    );
  });
  await c.deactivate();
  return n;
}
