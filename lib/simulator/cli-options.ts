// Command line of scripts/simulator.ts, parsed into a plain object (pure, so it is tested here and
// the script stays a thin broker adapter).

import { parseArgs } from "node:util";
import { BROKER_KINDS, type BrokerKind } from "@/lib/broker/queue-dialect";
import type { DatashareEncryption } from "./build-datashare";
import type { FingerCompression } from "./iso/write-finger-record";
import { DEFAULT_QUEUES, DEFAULT_TTL_SECONDS, type MessageFormat, type QueueNames } from "./message-headers";
import type { UrlForm } from "./scenario";

export type SimulatorCommand = "run" | "publish" | "listen" | "keygen";

export interface SimulatorCli {
  command: SimulatorCommand;
  count: number;
  broker: string;
  /** How queues are addressed on that broker (lib/broker/queue-dialect.ts). */
  brokerKind: BrokerKind;
  cert: string | null;
  keyOut: string;
  encryption: DatashareEncryption | null;
  datashareHost: string;
  datasharePort: number;
  publicUrl: string | null;
  format: MessageFormat;
  urlForm: UrlForm | "mixed";
  ttlSeconds: number;
  candidates: number;
  verifications: number;
  duplicateRate: number;
  nullUrlRate: number;
  resends: number;
  seed: number | null;
  fingerCodec: FingerCompression;
  expired: boolean;
  missing: boolean;
  unauthorised: boolean;
  clientId: string;
  clientSecret: string;
  slowMs: number;
  failTimes: number;
  timeoutSeconds: number;
  state: string;
  queues: QueueNames;
  help: boolean;
}

export const HELP = `MOSIP simulator: plays MOSIP's registration processor against a MAS through a real broker.

Usage: npm run simulator -- <command> [N] [options]

Commands
  run N        publish N adjudication requests (+ --verifications), serve their datashares, then
               check every response until all are answered or --timeout passes
  publish N    publish and keep serving the datashares until Ctrl-C; writes --state for listen
  listen       check responses on the response queues against the requests in --state
  keygen       write a demo MAS partner key and certificate to --key-out and exit

Broker and queues
  --broker URL                 stomp://user:pass@host:61613 (default: $MOSIP_QUEUE_URL or stomp://127.0.0.1:61613)
  --broker-kind classic|artemis  queue addressing over STOMP (default: $MOSIP_QUEUE_BROKER or classic)
  --format text|bytes          JMS TextMessage (no content-length) or BytesMessage (default text)
  --ttl SECONDS                JMS time-to-live as the 'expires' header; 0 = never (default ${DEFAULT_TTL_SECONDS})
  --adjudication-request-queue, --adjudication-response-queue,
  --verification-request-queue, --verification-response-queue   (defaults: MOSIP's names)

Requests
  --seed N                     reproduce a scenario (default: random)
  --candidates K               gallery size per adjudication request (default 3)
  --verifications M            verification requests in addition to the N adjudications (default 0)
  --duplicate-rate P           share of requests with a true duplicate in the gallery (default 0.5)
  --null-url-rate P            share of gallery entries sent with referenceURL null (default 0)
  --resends R                  re-send R requests with a new requestId (superseding the first)
  --url-form plain|lts|array|mixed   referenceURL shape (default lts, MOSIP's default)

Datashares
  --cert FILE                  MAS partner certificate (PEM); shares are encrypted for it
  --key-out DIR                without --cert: where a generated demo key pair is written (default ./mosip-simulator-key)
  --encryption VER_R2|LEGACY|none   (default VER_R2)
  --finger-codec PNG|WSQ       (default PNG)
  --datashare-host HOST        (default 127.0.0.1)   --datashare-port PORT (default 0 = any free port)
  --public-url URL             base URL written into requests when the MAS reaches the server elsewhere
                               (the MAS must list its origin in MOSIP_DATASHARE_ALLOWED_ORIGINS)
  --expired                    answer every share with DAT-SER-006 "Data share usage expired"
  --missing                    answer every share with DAT-SER-003
  --unauthorised               require an OAuth2 bearer token (POST <server>/oauth/token,
                               client credentials --client-id / --client-secret); KER-ATH-401 without
  --slow MS                    delay every share by MS milliseconds
  --fail-times N               answer each share HTTP 503 N times before serving it

Checking
  --timeout SECONDS            run/listen: stop waiting for responses (default 600)
  --state FILE                 scenario file written by publish, read by listen (default ./mosip-simulator-state.json)

Exit status: 0 all responses met the contract; 1 some response broke it; 2 usage or connection
error; 3 timed out with requests unanswered. Identity values and images are never printed.
`;

export class CliError extends Error {
  override name = "CliError";
}

export function parseSimulatorArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): SimulatorCli {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      broker: { type: "string" },
      "broker-kind": { type: "string" },
      cert: { type: "string" },
      "key-out": { type: "string" },
      encryption: { type: "string" },
      "datashare-host": { type: "string" },
      "datashare-port": { type: "string" },
      "public-url": { type: "string" },
      format: { type: "string" },
      "url-form": { type: "string" },
      ttl: { type: "string" },
      candidates: { type: "string" },
      verifications: { type: "string" },
      "duplicate-rate": { type: "string" },
      "null-url-rate": { type: "string" },
      resends: { type: "string" },
      seed: { type: "string" },
      "finger-codec": { type: "string" },
      expired: { type: "boolean" },
      missing: { type: "boolean" },
      unauthorised: { type: "boolean" },
      unauthorized: { type: "boolean" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      slow: { type: "string" },
      "fail-times": { type: "string" },
      timeout: { type: "string" },
      state: { type: "string" },
      "adjudication-request-queue": { type: "string" },
      "adjudication-response-queue": { type: "string" },
      "verification-request-queue": { type: "string" },
      "verification-response-queue": { type: "string" },
    },
  });
  const help = values.help === true;
  const command = (positionals[0] ?? (help ? "run" : "")) as SimulatorCommand;
  if (!help && !["run", "publish", "listen", "keygen"].includes(command)) {
    throw new CliError(positionals[0] ? `unknown command "${positionals[0]}"` : "missing command (run, publish, listen or keygen)");
  }
  const needsCount = !help && (command === "run" || command === "publish");
  const count = needsCount ? int(positionals[1] ?? "", "N (number of requests)", 0, 100_000) : 0;
  return {
    command,
    count,
    broker: values.broker ?? env.MOSIP_QUEUE_URL ?? "stomp://127.0.0.1:61613",
    brokerKind: oneOf(values["broker-kind"] ?? env.MOSIP_QUEUE_BROKER ?? "classic", BROKER_KINDS, "--broker-kind"),
    cert: values.cert ?? null,
    keyOut: values["key-out"] ?? "mosip-simulator-key",
    encryption: values.encryption === undefined ? null : oneOf(values.encryption, ["VER_R2", "LEGACY", "none"] as const, "--encryption"),
    datashareHost: values["datashare-host"] ?? "127.0.0.1",
    datasharePort: int(values["datashare-port"] ?? "0", "--datashare-port", 0, 65535),
    publicUrl: values["public-url"] ?? null,
    format: oneOf(values.format ?? "text", ["text", "bytes"] as const, "--format"),
    urlForm: oneOf(values["url-form"] ?? "lts", ["plain", "lts", "array", "mixed"] as const, "--url-form"),
    ttlSeconds: int(values.ttl ?? String(DEFAULT_TTL_SECONDS), "--ttl", 0, 10_000_000),
    candidates: int(values.candidates ?? "3", "--candidates", 0, 1000),
    verifications: int(values.verifications ?? "0", "--verifications", 0, 100_000),
    duplicateRate: rate(values["duplicate-rate"] ?? "0.5", "--duplicate-rate"),
    nullUrlRate: rate(values["null-url-rate"] ?? "0", "--null-url-rate"),
    resends: int(values.resends ?? "0", "--resends", 0, 100_000),
    seed: values.seed === undefined ? null : int(values.seed, "--seed", 0, 2 ** 32 - 1),
    fingerCodec: oneOf(values["finger-codec"] ?? "PNG", ["PNG", "WSQ"] as const, "--finger-codec"),
    expired: values.expired === true,
    missing: values.missing === true,
    unauthorised: values.unauthorised === true || values.unauthorized === true,
    clientId: values["client-id"] ?? "mpartner-default-adjudication",
    clientSecret: values["client-secret"] ?? "simulator-secret",
    slowMs: int(values.slow ?? "0", "--slow", 0, 3_600_000),
    failTimes: int(values["fail-times"] ?? "0", "--fail-times", 0, 1000),
    timeoutSeconds: int(values.timeout ?? "600", "--timeout", 1, 7 * 86_400),
    state: values.state ?? "mosip-simulator-state.json",
    queues: {
      adjudicationRequest: values["adjudication-request-queue"] ?? DEFAULT_QUEUES.adjudicationRequest,
      adjudicationResponse: values["adjudication-response-queue"] ?? DEFAULT_QUEUES.adjudicationResponse,
      verificationRequest: values["verification-request-queue"] ?? DEFAULT_QUEUES.verificationRequest,
      verificationResponse: values["verification-response-queue"] ?? DEFAULT_QUEUES.verificationResponse,
    },
    help,
  };
}

function int(text: string, name: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new CliError(`${name} must be a whole number, got "${text}"`);
  const n = Number(text);
  if (n < min || n > max) throw new CliError(`${name} must be between ${min} and ${max}`);
  return n;
}

function rate(text: string, name: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) throw new CliError(`${name} must be between 0 and 1`);
  return n;
}

function oneOf<T extends string>(text: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(text)) throw new CliError(`${name} must be one of ${allowed.join(", ")}`);
  return text as T;
}
