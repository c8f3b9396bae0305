export interface ActiveMqBroker {
  stompPort: number;
  openwirePort: number;
  /** stomp://127.0.0.1:<port> */
  stompUrl: string;
  /** tcp://127.0.0.1:<port>, for the Java (OpenWire) client */
  openwireUrl: string;
  /** With options.ssl: the STOMP-over-TLS port and stomp+ssl://127.0.0.1:<port>; null otherwise. */
  stompSslPort: number | null;
  stompSslUrl: string | null;
  /** With options.ssl.trustStore: a stomp+ssl:// connector that requires a client certificate (needClientAuth). */
  stompSslClientAuthUrl: string | null;
  logFile: string;
  /** The broker JVM's process id while it runs, else null. */
  readonly pid: number | null;
  stop(): Promise<void>;
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** Freezes the broker process for ms, like a long GC pause. */
  pause(ms: number): Promise<void>;
}

export interface ActiveMqSsl {
  /** PKCS12 key store holding the broker's key and certificate chain. */
  keyStore: string;
  keyStorePassword: string;
  /** PKCS12 trust store of the CAs client certificates must chain to; adds the needClientAuth connector. */
  trustStore?: string;
  trustStorePassword?: string;
}

export function startActiveMq(workDir: string, options?: { ssl?: ActiveMqSsl }): Promise<ActiveMqBroker>;
