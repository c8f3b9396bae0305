export interface ActiveMqBroker {
  stompPort: number;
  openwirePort: number;
  /** stomp://127.0.0.1:<port> */
  stompUrl: string;
  /** tcp://127.0.0.1:<port>, for the Java (OpenWire) client */
  openwireUrl: string;
  logFile: string;
  stop(): Promise<void>;
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** Freezes the broker process for ms, like a long GC pause. */
  pause(ms: number): Promise<void>;
}

export function startActiveMq(workDir: string): Promise<ActiveMqBroker>;
