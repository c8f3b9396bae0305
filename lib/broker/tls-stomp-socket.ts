import "server-only";
import { readFileSync } from "node:fs";
import { connect, type TLSSocket } from "node:tls";
import { type IStompSocket, type IStompSocketMessageEvent, StompSocketState } from "@stomp/stompjs";
import type { QueueTlsFiles } from "./parse-queue-urls";

/**
 * STOMP over TLS (stomp+ssl://) for stompjs. @stomp/tcp-wrapper opens on the TCP "connect" event, before the
 * handshake; this socket opens only on "secureConnect", i.e. once the broker's certificate has been verified
 * against the CA (MOSIP_QUEUE_TLS_CA_FILE, or the system's) for the URL's host name. A handshake that fails
 * (untrusted certificate, wrong name, a broker wanting a client certificate) closes the socket with the reason in
 * `lastTlsError`, so the connection keeper reports it and tries again; no frame, and so no password, is sent.
 */
export class TlsStompSocket implements IStompSocket {
  readyState: StompSocketState = StompSocketState.CONNECTING;
  readonly url: string;
  onclose: (ev?: unknown) => unknown = () => {};
  onerror: (ev: unknown) => unknown = () => {};
  onmessage: (ev: IStompSocketMessageEvent) => unknown = () => {};
  onopen: (ev?: unknown) => unknown = () => {};
  private readonly socket: TLSSocket;
  private terminated = false;

  constructor(host: string, port: number, files: QueueTlsFiles, onTlsError: (reason: string) => void) {
    this.url = `stomp+ssl://${host}:${port}/`;
    this.socket = connect({
      host,
      port,
      // SNI and the name checked against the certificate; an IP literal gets no SNI, as RFC 6066 says.
      servername: /^[\d.]+$|:/.test(host) ? undefined : host,
      ca: files.caFile ? readFileSync(files.caFile) : undefined,
      cert: files.certFile ? readFileSync(files.certFile) : undefined,
      key: files.keyFile ? readFileSync(files.keyFile) : undefined,
      rejectUnauthorized: true,
      minVersion: "TLSv1.2",
    });
    this.socket.on("secureConnect", () => {
      this.readyState = StompSocketState.OPEN;
      this.onopen();
    });
    // stompjs reads ArrayBuffers; a copy of the chunk is one.
    this.socket.on("data", (data: Buffer) => this.onmessage({ data: new Uint8Array(data).buffer }));
    this.socket.on("error", (e: Error & { code?: string }) => {
      onTlsError(describeTlsError(e));
      this.onerror({ type: "Error", message: e.message });
    });
    this.socket.on("close", (hadError: boolean) => {
      this.readyState = StompSocketState.CLOSED;
      this.onclose(
        this.terminated ? { wasClean: false, type: "CloseEvent", code: 4001 } : { wasClean: !hadError, type: "CloseEvent", code: 1000 },
      );
    });
  }

  send(data: string | ArrayBufferLike | ArrayBufferView): void {
    if (typeof data === "string") this.socket.write(data);
    else if (ArrayBuffer.isView(data)) this.socket.write(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    else this.socket.write(new Uint8Array(data));
  }

  close(): void {
    this.readyState = StompSocketState.CLOSING;
    this.socket.end();
  }

  terminate(): void {
    this.readyState = StompSocketState.CLOSING;
    this.terminated = true;
    this.socket.destroy();
  }
}

/** OpenSSL's code (e.g. SELF_SIGNED_CERT_IN_CHAIN, ERR_TLS_CERT_ALTNAME_INVALID) says what to fix; no secrets in it. */
function describeTlsError(e: Error & { code?: string }): string {
  const code = e.code ?? e.name;
  // An alert from the broker: it refused the handshake, typically a missing or untrusted client certificate.
  if (/^ERR_SSL_.*ALERT/.test(code)) return `TLS: the broker refused the handshake (${code}); check MOSIP_QUEUE_TLS_CERT_FILE`;
  if (/CERT|SIGNATURE|ISSUER|ALTNAME|VERIFY/i.test(code)) return `TLS: the broker's certificate is not trusted (${code})`;
  if (/^ERR_SSL|^EPROTO/.test(code)) return `TLS handshake failed (${code})`;
  return `network error (${code})`;
}
