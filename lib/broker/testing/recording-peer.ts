import { createServer, type Server, type Socket } from "node:net";
import type { BrokerEndpoint } from "../parse-queue-urls";

// Artemis cannot be installed here, so tests check what goes on the wire against its documented STOMP
// behaviour: a peer that speaks just enough STOMP 1.2 records every frame our consumer and sender write.

export interface Frame {
  command: string;
  headers: Record<string, string>;
  body: string;
}

function parseFrame(raw: string): Frame {
  const blank = raw.indexOf("\n\n");
  const head = raw.slice(0, blank).split("\n");
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(":");
    // STOMP 1.2: the first occurrence of a repeated header wins.
    const name = line.slice(0, colon);
    if (!(name in headers)) headers[name] = line.slice(colon + 1);
  }
  return { command: head[0], headers, body: raw.slice(blank + 2) };
}

function writeFrame(socket: Socket, command: string, headers: Record<string, string>, body = "") {
  socket.write(
    `${command}\n${Object.entries(headers)
      .map(([k, v]) => `${k}:${v}\n`)
      .join("")}\n${body}\0`,
  );
}

/** Records frames; answers CONNECT, receipts, and a SUBSCRIBE with one MESSAGE as Artemis delivers a redelivered TextMessage. */
export function startRecordingPeer(): Promise<{
  server: Server;
  endpoint: BrokerEndpoint;
  frames: Frame[];
  next(command: string): Promise<Frame>;
}> {
  const frames: Frame[] = [];
  const waiters: { command: string; resolve: (f: Frame) => void }[] = [];
  const server = createServer((socket) => {
    let buffer = "";
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (let end = buffer.indexOf("\0"); end !== -1; end = buffer.indexOf("\0")) {
        const raw = buffer.slice(0, end).replace(/^[\r\n]+/, "");
        buffer = buffer.slice(end + 1);
        const frame = parseFrame(raw);
        frames.push(frame);
        for (const w of waiters.filter((w) => w.command === frame.command)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(frame);
        }
        if (frame.command === "CONNECT" || frame.command === "STOMP") {
          writeFrame(socket, "CONNECTED", { version: "1.2", "heart-beat": "0,0", server: "recording-peer" });
        } else if (frame.command === "SUBSCRIBE") {
          writeFrame(
            socket,
            "MESSAGE",
            {
              subscription: frame.headers.id,
              "message-id": "1234",
              destination: frame.headers.destination,
              ack: "ack-1234",
              redelivered: "true",
              expires: "1893456000000",
              timestamp: "1764633600000",
              persistent: "true",
            },
            '{"id":"mosip.manual.adjudication.adjudicate"}',
          );
        }
        if (frame.headers.receipt) writeFrame(socket, "RECEIPT", { "receipt-id": frame.headers.receipt });
      }
    });
    socket.on("error", () => {});
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        server,
        frames,
        endpoint: { host: "127.0.0.1", port, login: "mas", passcode: "secret", display: `stomp://mas:***@127.0.0.1:${port}`, tls: null },
        next: (command) => {
          const seen = frames.find((f) => f.command === command);
          return seen ? Promise.resolve(seen) : new Promise((r) => waiters.push({ command, resolve: r }));
        },
      });
    }),
  );
}

export async function waitUntil(ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
