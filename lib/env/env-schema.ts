import { accessSync, constants, statSync } from "node:fs";
import { z } from "zod";
import { parseAllowedOrigins } from "./datashare-origins";
import { LOG_LEVELS } from "@/lib/log/log-levels";
import { PROCESS_ROLES, type ProcessRole } from "@/lib/process/process-roles";
import { DEFAULT_UI_LANGUAGES, parseUiLanguages, type UiLanguage } from "@/lib/i18n/ui-languages";

// Every environment variable the app reads. docs/configuration.md documents each one; keep them in step.
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

// An integer setting with a default; `min` 1 for counts and durations, 0 where 0 means "off".
const integer = (fallback: number, min: 0 | 1) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) {
        ctx.addIssue({ code: "custom", message: `must be a whole number ${min === 1 ? "above 0" : "(0 or more)"}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });
const positiveInt = (fallback: number) => integer(fallback, 1);
// A count above 0, or unset (undefined) where no value means "no limit".
const optionalPositiveInt = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) {
        ctx.addIssue({ code: "custom", message: `must be a whole number above 0, or unset, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });
const wholeNumber = (fallback: number) => integer(fallback, 0);

// A file the process must be able to read at start (a CA, certificate or key), not found out at the first connection.
const readableFile = optionalString.superRefine((v, ctx) => {
  if (v === undefined) return;
  try {
    accessSync(v, constants.R_OK);
    if (!statSync(v).isFile()) throw new Error("not a file");
  } catch {
    ctx.addIssue({ code: "custom", message: `must name a readable PEM file; cannot read "${v}"` });
  }
});

const queueName = (fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      // STOMP destinations are /queue/<name>; MOSIP configures the bare JMS queue name.
      if (!/^[A-Za-z0-9._-]+$/.test(v)) {
        ctx.addIssue({ code: "custom", message: `must be a bare queue name such as ${fallback} (letters, digits, . _ -), got "${v}"` });
        return z.NEVER;
      }
      return v;
    });

export const envSchema = z
  .object({
    NODE_ENV: optionalString,
    // Set by scripts/start.mjs from the NODE_ENV the operator gave, because `next start` always forces NODE_ENV=production.
    MAS_DEPLOYMENT: z.enum(["production", "development"]).optional(),
    // production: real MOSIP data (no demo users, a partner key ring); demo: the built-in simulator. Unset: a
    // configured MOSIP_QUEUE_URL or MAS_DEPLOYMENT/NODE_ENV=production means production.
    MAS_MODE: z.enum(["production", "demo"]).optional(),
    PORT: positiveInt(3000),
    DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "must be a PostgreSQL URL such as postgresql://user:password@host:5432/mas, or unset for the embedded database",
    }),
    MAS_DATA_DIR: optionalString,
    AUTH_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters (for example: openssl rand -base64 48)",
    }),
    NEXTAUTH_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), { message: "must be an http(s) URL" }),
    // Only for an installation reached over plain http on purpose (a closed network without TLS anywhere).
    MAS_ALLOW_HTTP: z.enum(["true", "false"]).default("false"),
    MAS_ADMIN_USERNAME: optionalString,
    MAS_ADMIN_PASSWORD: optionalString,
    MAS_SESSION_IDLE_MINUTES: positiveInt(30),
    // However active, a session ends this long after its sign-in (a working day by default).
    MAS_SESSION_MAX_HOURS: positiveInt(12),
    // Failed password sign-ins from one source address within the window before that address is refused.
    MAS_SIGNIN_ADDRESS_LIMIT: positiveInt(20),
    MAS_SIGNIN_ADDRESS_WINDOW_MINUTES: positiveInt(15),
    // Only behind a reverse proxy that sets X-Forwarded-For itself: otherwise any client could choose its address.
    MAS_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
    MAS_LOCKOUT_THRESHOLD: positiveInt(5),
    MAS_LOCKOUT_MINUTES: positiveInt(15),
    MAS_OIDC_ISSUER: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), {
      message: "must be the issuer URL, e.g. https://keycloak.example/realms/mosip",
    }),
    MAS_OIDC_CLIENT_ID: optionalString,
    MAS_OIDC_CLIENT_SECRET: optionalString,
    MAS_OIDC_NAME: optionalString,
    MAS_OIDC_ROLES_CLAIM: optionalString,
    // Comma-separated STOMP URLs (stomp://user:pass@host:61613); several = failover in the given order.
    MOSIP_QUEUE_URL: optionalString.superRefine((v, ctx) => {
      if (v === undefined) return;
      const problem = checkQueueUrls(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    // Which broker MOSIP_QUEUE_URL points at: queues are addressed differently over STOMP (lib/broker/queue-dialect.ts).
    MOSIP_QUEUE_BROKER: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === "") return "classic" as const;
        if (v === "classic" || v === "artemis") return v;
        ctx.addIssue({ code: "custom", message: `must be "artemis" (MOSIP's broker) or "classic" (ActiveMQ 5.x), got "${v}"` });
        return z.NEVER;
      }),
    // Longer than the response sender's receipt timeout (30 s), so a stop never cuts an answer in flight.
    MAS_STOP_GRACE_SECONDS: positiveInt(45).refine((v) => v >= 35, {
      message: "must be at least 35 (s): a graceful stop waits up to 30 s for the broker's receipt of an answer in flight",
    }),
    // TLS of stomp+ssl:// URLs: the CA that signed the broker's certificate (unset: the system's CAs) and an optional
    // client certificate for brokers that require one (needClientAuth).
    MOSIP_QUEUE_TLS_CA_FILE: readableFile,
    MOSIP_QUEUE_TLS_CERT_FILE: readableFile,
    MOSIP_QUEUE_TLS_KEY_FILE: readableFile,
    MOSIP_ADJUDICATION_REQUEST_QUEUE: queueName("mosip-to-adjudication"),
    MOSIP_ADJUDICATION_RESPONSE_QUEUE: queueName("adjudication-to-mosip"),
    MOSIP_VERIFICATION_REQUEST_QUEUE: queueName("mosip-to-verification"),
    MOSIP_VERIFICATION_RESPONSE_QUEUE: queueName("verification-to-mosip"),
    MOSIP_RESPONSE_MESSAGE_FORMAT: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === "") return "text" as const;
        if (v === "text" || v === "bytes") return v;
        ctx.addIssue({
          code: "custom",
          message: `must be "text" (JMS TextMessage, MOSIP's default) or "bytes" (BytesMessage), got "${v}"`,
        });
        return z.NEVER;
      }),
    // STOMP heart-beat both ways; below 1 s a busy process or broker would drop healthy connections.
    MOSIP_QUEUE_HEARTBEAT_MS: positiveInt(10_000).refine((v) => v >= 1000, { message: "must be at least 1000 (ms)" }),
    MOSIP_REQUEST_MAX_BYTES: positiveInt(1024 * 1024),
    MOSIP_REQUEST_DEADLINE_MINUTES: positiveInt(90),
    // MOSIP's registration.processor.reprocess.elapse.time: after it MOSIP re-sends the request under a new requestId.
    MOSIP_REPROCESS_SECONDS: positiveInt(900),
    MOSIP_DATASHARE_TIMEOUT_MS: positiveInt(30_000),
    // The only origins datashares are fetched from (lib/env/datashare-origins.ts); required with a queue.
    MOSIP_DATASHARE_ALLOWED_ORIGINS: optionalString.transform((v, ctx) => {
      if (v === undefined) return undefined;
      const r = parseAllowedOrigins(v);
      if (r.ok) return r.origins;
      ctx.addIssue({ code: "custom", message: r.problem });
      return z.NEVER;
    }),
    // One datashare body at most; MOSIP's shares of a registration are a few MB (docs/configuration.md).
    MOSIP_DATASHARE_MAX_BYTES: positiveInt(32 * 1024 * 1024),
    // Unset: retries last until the share's validity is nearly spent. Set: a safety cap, refused at start-up
    // (lib/datashare/plan-retry.ts) when it would stop retrying before that.
    MOSIP_DATASHARE_MAX_ATTEMPTS: optionalPositiveInt(),
    MOSIP_DATASHARE_RETRY_BASE_MS: positiveInt(2_000),
    MOSIP_DATASHARE_RETRY_MAX_MS: positiveInt(60_000),
    // MOSIP's datashare policy validity (its default: 30 minutes): how long a failed download is retried.
    MAS_DATASHARE_VALIDITY_SECONDS: positiveInt(1800),
    MOSIP_AUTH_TOKEN_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), {
      message: "must be the OAuth2 token endpoint URL, e.g. https://keycloak.example/realms/mosip/protocol/openid-connect/token",
    }),
    MOSIP_AUTH_CLIENT_ID: optionalString,
    MOSIP_AUTH_CLIENT_SECRET: optionalString,
    // MOSIP's verification stage treats every returnValue other than 1 (approve) and 2 (resend) as reject.
    MOSIP_VERIFICATION_REJECT_VALUE: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === "") return 3;
        const n = Number(v);
        if (!/^-?\d+$/.test(v) || n < -2147483648 || n > 2147483647) {
          ctx.addIssue({ code: "custom", message: `must be a whole number (MOSIP reads a Java int), got "${v}"` });
          return z.NEVER;
        }
        if (n === 1 || n === 2) {
          ctx.addIssue({
            code: "custom",
            message: `must not be ${n}: MOSIP reads 1 as approve and 2 as resend; any other value (default 3) rejects`,
          });
          return z.NEVER;
        }
        return n;
      }),
    // A datashare MOSIP serves unencrypted (policy encryptionType "none") is refused in production unless this is true;
    // when accepted it is sealed at rest with the key in MAS_DATA_KEY_FILE (lib/crypto/seal-at-rest.ts).
    MAS_ALLOW_PLAINTEXT_DATASHARE: z.enum(["true", "false"]).default("false"),
    MAS_DATA_KEY_FILE: optionalString,
    // Days a stored datashare body is kept after MOSIP confirmed the case's answer; 0 is refused on purpose.
    MAS_DATASHARE_RETENTION_DAYS: positiveInt(7),
    // Retention of every other kind of personal data, in days (docs/configuration.md, "Retention"); 0 is refused.
    MAS_SUPERSEDED_RETENTION_DAYS: positiveInt(1),
    MAS_DATA_UNAVAILABLE_RETENTION_DAYS: positiveInt(7),
    MAS_UNSENT_ANSWER_RETENTION_DAYS: positiveInt(30),
    MAS_INBOX_RETENTION_DAYS: positiveInt(30),
    MAS_INTAKE_ERROR_RETENTION_DAYS: positiveInt(30),
    MAS_ANSWER_RECORD_RETENTION_DAYS: positiveInt(30),
    // Without MOSIP_QUEUE_URL a built-in MOSIP simulator feeds this many synthetic requests at start.
    MAS_SIMULATOR_ADJUDICATIONS: wholeNumber(4),
    MAS_SIMULATOR_VERIFICATIONS: wholeNumber(1),
    // Adjudication packets the simulator keeps synthesised ahead (verifications: a quarter of it); 0 builds on request only.
    MAS_SIMULATOR_STOCK: wholeNumber(4),
    // Worker threads synthesising simulated packets; unset = min(2, CPUs).
    MAS_SIMULATOR_THREADS: integer(0, 1),
    // How often waiting cases are handed out automatically; 0 leaves assignment to "Next case" alone.
    MAS_AUTO_ASSIGN_SECONDS: wholeNumber(3),
    // The anonymous-profile export leaves out groups smaller than this (k-anonymity); 1 suppresses nothing.
    MAS_PROFILE_MIN_GROUP: positiveInt(5),
    // Read by lib/biometrics/case-image-cache.ts; validated here so a typo stops start-up.
    MAS_IMAGE_CACHE_MB: positiveInt(256),
    // Read by lib/biometrics/image/decode-pool.ts (JavaScript heap of each image decode worker); validated here.
    MAS_DECODE_WORKER_MEMORY_MB: positiveInt(256),
    // Worker threads that decrypt and parse stored datashares (lib/cases/subject-opener.ts); unset = min(2, CPUs).
    MAS_PARSE_WORKERS: integer(0, 1),
    // Cases per officer whose data is prepared ahead in memory (lib/cases/prefetch-cases.ts); 0 turns prefetch off.
    MAS_PREFETCH_CASES: wholeNumber(2),
    // Tests only (read by lib/simulator/record-identities.ts): where the simulator writes the identities it invents.
    MAS_SIMULATOR_RECORD_FILE: optionalString,
    MAS_SIMULATOR_TRUTH_FILE: optionalString,
    // Read by lib/log/logger.ts when the logger is first made; validated here so a typo stops start-up.
    MAS_LOG_LEVEL: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === "") return "info" as const;
        if ((LOG_LEVELS as readonly string[]).includes(v)) return v as (typeof LOG_LEVELS)[number];
        ctx.addIssue({ code: "custom", message: `must be one of ${LOG_LEVELS.join(", ")}, got "${v}"` });
        return z.NEVER;
      }),
    // Read by lib/log/logger.ts: JSON lines for collectors, or text for a person (`npm start` on the demo).
    MAS_LOG_FORMAT: z.enum(["json", "text"]).default("json"),
    // What this process runs (docs/configuration.md, "Process roles"); unset = everything, one process.
    MAS_PROCESS_ROLES: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === "") return [...PROCESS_ROLES];
        const roles = v.split(",").map((r) => r.trim().toLowerCase());
        const unknown = roles.filter((r) => !(PROCESS_ROLES as readonly string[]).includes(r));
        if (unknown.length || roles.includes("")) {
          ctx.addIssue({
            code: "custom",
            message: `must be a comma-separated list of ${PROCESS_ROLES.join(", ")} (or unset for all), got "${v}"`,
          });
          return z.NEVER;
        }
        return [...new Set(roles)] as ProcessRole[];
      }),
    // The bearer token a Prometheus scraper sends to GET /api/metrics.
    MAS_METRICS_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 24, {
      message: "must be at least 24 characters (for example: openssl rand -hex 24)",
    }),
    // Serve /api/metrics without a token, for a cluster whose NetworkPolicy admits only the scraper.
    MAS_METRICS_OPEN: z.enum(["true", "false"]).default("false"),
    // The programme's name, printed at the head of the monthly quality report (e.g. "National ID Programme").
    MAS_PROGRAMME_NAME: optionalString.refine((v) => v === undefined || v.length <= 120, { message: "at most 120 characters" }),
    // The languages of the screens, ISO 639-3 as MOSIP's mosip.supported-languages; the first is the default.
    MAS_UI_LANGUAGES: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        const r = parseUiLanguages(v || DEFAULT_UI_LANGUAGES);
        if ("problem" in r) {
          ctx.addIssue({ code: "custom", message: r.problem });
          return z.NEVER;
        }
        return r.languages;
      }),
  })
  .superRefine((env, ctx) => {
    const production = isProduction(env);
    if (env.MAS_MODE === "demo" && env.MOSIP_QUEUE_URL !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MAS_MODE"],
        message: "is demo, but MOSIP_QUEUE_URL is set: a real MOSIP queue is production. Unset MOSIP_QUEUE_URL or set MAS_MODE=production",
      });
    }
    if ((env.MAS_ADMIN_USERNAME === undefined) !== (env.MAS_ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({ code: "custom", path: ["MAS_ADMIN_PASSWORD"], message: "set MAS_ADMIN_USERNAME and MAS_ADMIN_PASSWORD together" });
    }
    if (env.MAS_ADMIN_PASSWORD !== undefined && env.MAS_ADMIN_PASSWORD.length < 12) {
      ctx.addIssue({ code: "custom", path: ["MAS_ADMIN_PASSWORD"], message: "must be at least 12 characters" });
    }
    if (production && env.AUTH_SECRET === undefined) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (for example: openssl rand -base64 48)" });
    }
    if (production && !env.NEXTAUTH_URL?.startsWith("https://") && env.MAS_ALLOW_HTTP !== "true") {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message:
          "must be the https:// address officers use in production (also when TLS ends at an ingress); set MAS_ALLOW_HTTP=true only for a network without TLS",
      });
    }
    if (production && env.MOSIP_QUEUE_URL === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MOSIP_QUEUE_URL"],
        message: "is required in production (stomp://user:pass@activemq:61613); without it the app runs against a built-in MOSIP simulator",
      });
    }
    if (production && env.MAS_SIMULATOR_RECORD_FILE !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MAS_SIMULATOR_RECORD_FILE"],
        message: "is for tests only (it writes the simulator's synthetic identities to a file); unset it in production",
      });
    }
    if (production && env.MAS_SIMULATOR_TRUTH_FILE !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MAS_SIMULATOR_TRUTH_FILE"],
        message: "is for tests only (it writes which simulated candidates are true duplicates to a file); unset it in production",
      });
    }
    if (env.MOSIP_QUEUE_URL !== undefined && env.MOSIP_DATASHARE_ALLOWED_ORIGINS === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MOSIP_DATASHARE_ALLOWED_ORIGINS"],
        message:
          "is required with MOSIP_QUEUE_URL: the origin(s) of MOSIP's datashare service that request URLs may name, e.g. http://datashare.datashare (its in-cluster address) or https://api-internal.mosip.example",
      });
    }
    if ((env.MOSIP_QUEUE_TLS_CERT_FILE === undefined) !== (env.MOSIP_QUEUE_TLS_KEY_FILE === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["MOSIP_QUEUE_TLS_CERT_FILE"],
        message: "a client certificate needs MOSIP_QUEUE_TLS_CERT_FILE and MOSIP_QUEUE_TLS_KEY_FILE together",
      });
    }
    if (production && env.MAS_ADMIN_PASSWORD === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MAS_ADMIN_PASSWORD"],
        message: "is required in production, with MAS_ADMIN_USERNAME: the first admin is created from them",
      });
    }
    const oidc = [env.MAS_OIDC_ISSUER, env.MAS_OIDC_CLIENT_ID, env.MAS_OIDC_CLIENT_SECRET];
    if (oidc.some((v) => v !== undefined) && oidc.some((v) => v === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["MAS_OIDC_ISSUER"],
        message: "OpenID Connect needs MAS_OIDC_ISSUER, MAS_OIDC_CLIENT_ID and MAS_OIDC_CLIENT_SECRET together",
      });
    }
    const auth = [env.MOSIP_AUTH_TOKEN_URL, env.MOSIP_AUTH_CLIENT_ID, env.MOSIP_AUTH_CLIENT_SECRET];
    if (auth.some((v) => v !== undefined) && auth.some((v) => v === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["MOSIP_AUTH_TOKEN_URL"],
        message: "the datashare token needs MOSIP_AUTH_TOKEN_URL, MOSIP_AUTH_CLIENT_ID and MOSIP_AUTH_CLIENT_SECRET together",
      });
    }
    if (production && env.MAS_ALLOW_PLAINTEXT_DATASHARE === "true" && env.MAS_DATA_KEY_FILE === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MAS_DATA_KEY_FILE"],
        message:
          "is required in production when MAS_ALLOW_PLAINTEXT_DATASHARE=true: plain datashares are stored encrypted with it (openssl rand -base64 32 > FILE; chmod 600 FILE)",
      });
    }
    if (env.MOSIP_DATASHARE_RETRY_MAX_MS < env.MOSIP_DATASHARE_RETRY_BASE_MS) {
      ctx.addIssue({ code: "custom", path: ["MOSIP_DATASHARE_RETRY_MAX_MS"], message: "must not be below MOSIP_DATASHARE_RETRY_BASE_MS" });
    }
  });

/**
 * A production deployment (secret, https, admin and queue required): MAS_MODE decides when set, otherwise
 * MAS_DEPLOYMENT, or NODE_ENV as `npm start` passes it on.
 */
function isProduction(e: { MAS_MODE?: string; MAS_DEPLOYMENT?: string; NODE_ENV?: string }): boolean {
  if (e.MAS_MODE) return e.MAS_MODE === "production";
  return (e.MAS_DEPLOYMENT ?? (e.NODE_ENV === "production" ? "production" : "development")) === "production";
}

/** A reason when the list is unusable; kept here so the message names the variable's expected form. */
function checkQueueUrls(value: string): string | undefined {
  const items = value.split(",").map((s) => s.trim());
  for (const item of items) {
    if (item === "") return "has an empty entry; separate STOMP URLs with single commas";
    if (/^(tcp|ssl|nio|failover):/i.test(item)) {
      return `must use the broker's STOMP port (stomp://user:pass@host:61613, or stomp+ssl://…:61614 over TLS), not an OpenWire URL like MOSIP's tcp://…:61616 or ssl://…:61617`;
    }
    let u: URL;
    try {
      u = new URL(item);
    } catch {
      return "each entry must be a URL such as stomp://user:pass@host:61613";
    }
    if (u.protocol !== "stomp:" && u.protocol !== "stomp+ssl:")
      return `each entry must start with stomp:// or stomp+ssl:// (got ${u.protocol}//)`;
    if (u.hostname === "") return "each entry needs a host: stomp://user:pass@host:61613";
    if (u.port !== "" && !(Number(u.port) > 0 && Number(u.port) < 65536)) return "has an invalid port";
  }
  return undefined;
}

export type RawEnv = z.output<typeof envSchema>;

export interface AppEnv {
  production: boolean;
  /**
   * Real applicants' data may arrive: production, or any configured MOSIP queue (whatever NODE_ENV says). Then no
   * demo users are ever created and the app refuses to start without a partner key ring (lib/boot/boot-app.ts).
   */
  realData: boolean;
  port: number;
  database: { kind: "postgresql"; url: string } | { kind: "pglite"; dir: string };
  dataDir: string;
  authSecret: string | undefined;
  /** MAS_DATA_KEY_FILE: the key sealing plain datashares at rest; unset outside production = generated under dataDir. */
  dataKeyFile: string | undefined;
  admin: { username: string; password: string } | undefined;
  sessionIdleMinutes: number;
  /** Absolute session lifetime from sign-in, whatever the activity. */
  sessionMaxHours: number;
  /** Per-source-address throttle of failed password sign-ins. */
  addressThrottle: { limit: number; windowMinutes: number };
  /** Whether X-Forwarded-For names the client (set only behind a proxy that writes it). */
  trustProxy: boolean;
  lockout: { threshold: number; minutes: number };
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string; rolesClaim: string } | undefined;
  mosip: MosipEnv;
  /** Days after a case is answered before its stored datashare bodies are purged. */
  datashareRetentionDays: number;
  /** Days each other kind of personal data is kept (lib/retention). */
  retention: RetentionPeriods;
  /** The built-in MOSIP simulator, used when no MOSIP_QUEUE_URL is set. */
  simulator: { adjudications: number; verifications: number; stock: number; threads: number | undefined };
  /** Smallest group of profiles sharing day, year of birth, gender and location that the export includes. */
  profileMinGroup: number;
  /** Worker threads decrypting and parsing stored datashares; undefined = min(2, CPUs). */
  parseWorkers: number | undefined;
  /** Cases per officer prepared ahead in the per-case memory cache; 0 = no prefetch. */
  prefetchCases: number;
  /** Seconds between automatic assignment rounds; 0 = only "Next case". */
  autoAssignSeconds: number;
  /** What this process runs; every role when MAS_PROCESS_ROLES is unset. */
  roles: ProcessRole[];
  logLevel: (typeof LOG_LEVELS)[number];
  /** GET /api/metrics: the bearer token, or open (development, or MAS_METRICS_OPEN=true). */
  metrics: { token: string | undefined; open: boolean };
  /** How long a graceful stop (SIGTERM) may take before the process exits anyway. */
  stopGraceSeconds: number;
  /** MAS_UI_LANGUAGES: the languages an officer may choose for the screens, the first one the default. */
  uiLanguages: UiLanguage[];
  /** MAS_PROGRAMME_NAME: the head of the printable quality report; none when unset. */
  programmeName: string | undefined;
}

export interface RetentionPeriods {
  answeredDays: number;
  supersededDays: number;
  dataUnavailableDays: number;
  unsentAnswerDays: number;
  inboxDays: number;
  intakeErrorDays: number;
  answerRecordDays: number;
}

export interface MosipEnv {
  /** Raw MOSIP_QUEUE_URL (may hold a password); unset = the embedded simulator. */
  queueUrl: string | undefined;
  /** Broker kind behind queueUrl: how queues are addressed over STOMP. */
  broker: "classic" | "artemis";
  queues: { adjudicationRequest: string; adjudicationResponse: string; verificationRequest: string; verificationResponse: string };
  responseFormat: "text" | "bytes";
  /** STOMP heart-beat interval, both directions, of the consumer and the response sender. */
  heartbeatMs: number;
  maxRequestBytes: number;
  deadlineMinutes: number;
  /** MOSIP's reprocess interval: when it re-sends an unanswered request under a new requestId. */
  reprocessSeconds: number;
  /** TLS files for stomp+ssl:// brokers; unset CA = the system's CAs. */
  queueTls: { caFile: string | undefined; certFile: string | undefined; keyFile: string | undefined };
  /** Field names match the download worker's config, which takes this object as it is. */
  datashare: {
    timeoutMs: number;
    maxAttempts: number | undefined;
    validityMs: number;
    retryBaseMs: number;
    retryMaxMs: number;
    /** Normal-form origins (scheme://host:port) datashares may come from; empty without a queue until the simulator adds its own. */
    allowedOrigins: string[];
    maxBodyBytes: number;
    /** A plain (unencrypted) datashare: a download failure ("refuse", production by default) or sealed at rest. */
    plaintext: "refuse" | "seal";
  };
  auth: { tokenUrl: string; clientId: string; clientSecret: string } | undefined;
  /** returnValue sent when a verification case is rejected (never 1 or 2). */
  verificationRejectValue: number;
}

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `The environment is not valid. Fix these and start again:\n${problems.map((p) => `  - ${p}`).join("\n")}\n(see docs/configuration.md)`,
    );
    this.name = "EnvError";
  }
}

/** Pure: validates a process.env-like record and shapes it for the app. Throws EnvError naming every problem. */
export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const r = envSchema.safeParse(source);
  if (!r.success) {
    throw new EnvError(r.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
  }
  const e = r.data;
  const dataDir = e.MAS_DATA_DIR ?? "./data";
  const production = isProduction(e);
  return {
    production,
    realData: production || e.MOSIP_QUEUE_URL !== undefined,
    port: e.PORT,
    database: e.DATABASE_URL ? { kind: "postgresql", url: e.DATABASE_URL } : { kind: "pglite", dir: `${dataDir}/pglite` },
    dataDir,
    authSecret: e.AUTH_SECRET,
    dataKeyFile: e.MAS_DATA_KEY_FILE,
    admin: e.MAS_ADMIN_USERNAME && e.MAS_ADMIN_PASSWORD ? { username: e.MAS_ADMIN_USERNAME, password: e.MAS_ADMIN_PASSWORD } : undefined,
    sessionIdleMinutes: e.MAS_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.MAS_SESSION_MAX_HOURS,
    addressThrottle: { limit: e.MAS_SIGNIN_ADDRESS_LIMIT, windowMinutes: e.MAS_SIGNIN_ADDRESS_WINDOW_MINUTES },
    trustProxy: e.MAS_TRUST_PROXY === "true",
    lockout: { threshold: e.MAS_LOCKOUT_THRESHOLD, minutes: e.MAS_LOCKOUT_MINUTES },
    oidc:
      e.MAS_OIDC_ISSUER && e.MAS_OIDC_CLIENT_ID && e.MAS_OIDC_CLIENT_SECRET
        ? {
            issuer: e.MAS_OIDC_ISSUER,
            clientId: e.MAS_OIDC_CLIENT_ID,
            clientSecret: e.MAS_OIDC_CLIENT_SECRET,
            name: e.MAS_OIDC_NAME ?? "Keycloak",
            rolesClaim: e.MAS_OIDC_ROLES_CLAIM ?? "realm_access.roles",
          }
        : undefined,
    mosip: {
      queueUrl: e.MOSIP_QUEUE_URL,
      broker: e.MOSIP_QUEUE_BROKER,
      queues: {
        adjudicationRequest: e.MOSIP_ADJUDICATION_REQUEST_QUEUE,
        adjudicationResponse: e.MOSIP_ADJUDICATION_RESPONSE_QUEUE,
        verificationRequest: e.MOSIP_VERIFICATION_REQUEST_QUEUE,
        verificationResponse: e.MOSIP_VERIFICATION_RESPONSE_QUEUE,
      },
      responseFormat: e.MOSIP_RESPONSE_MESSAGE_FORMAT,
      heartbeatMs: e.MOSIP_QUEUE_HEARTBEAT_MS,
      queueTls: { caFile: e.MOSIP_QUEUE_TLS_CA_FILE, certFile: e.MOSIP_QUEUE_TLS_CERT_FILE, keyFile: e.MOSIP_QUEUE_TLS_KEY_FILE },
      maxRequestBytes: e.MOSIP_REQUEST_MAX_BYTES,
      deadlineMinutes: e.MOSIP_REQUEST_DEADLINE_MINUTES,
      reprocessSeconds: e.MOSIP_REPROCESS_SECONDS,
      datashare: {
        timeoutMs: e.MOSIP_DATASHARE_TIMEOUT_MS,
        maxAttempts: e.MOSIP_DATASHARE_MAX_ATTEMPTS,
        validityMs: e.MAS_DATASHARE_VALIDITY_SECONDS * 1000,
        retryBaseMs: e.MOSIP_DATASHARE_RETRY_BASE_MS,
        retryMaxMs: e.MOSIP_DATASHARE_RETRY_MAX_MS,
        allowedOrigins: e.MOSIP_DATASHARE_ALLOWED_ORIGINS ?? [],
        maxBodyBytes: e.MOSIP_DATASHARE_MAX_BYTES,
        plaintext: production && e.MAS_ALLOW_PLAINTEXT_DATASHARE !== "true" ? "refuse" : "seal",
      },
      auth:
        e.MOSIP_AUTH_TOKEN_URL && e.MOSIP_AUTH_CLIENT_ID && e.MOSIP_AUTH_CLIENT_SECRET
          ? { tokenUrl: e.MOSIP_AUTH_TOKEN_URL, clientId: e.MOSIP_AUTH_CLIENT_ID, clientSecret: e.MOSIP_AUTH_CLIENT_SECRET }
          : undefined,
      verificationRejectValue: e.MOSIP_VERIFICATION_REJECT_VALUE,
    },
    datashareRetentionDays: e.MAS_DATASHARE_RETENTION_DAYS,
    retention: {
      answeredDays: e.MAS_DATASHARE_RETENTION_DAYS,
      supersededDays: e.MAS_SUPERSEDED_RETENTION_DAYS,
      dataUnavailableDays: e.MAS_DATA_UNAVAILABLE_RETENTION_DAYS,
      unsentAnswerDays: e.MAS_UNSENT_ANSWER_RETENTION_DAYS,
      inboxDays: e.MAS_INBOX_RETENTION_DAYS,
      intakeErrorDays: e.MAS_INTAKE_ERROR_RETENTION_DAYS,
      answerRecordDays: e.MAS_ANSWER_RECORD_RETENTION_DAYS,
    },
    simulator: {
      adjudications: e.MAS_SIMULATOR_ADJUDICATIONS,
      verifications: e.MAS_SIMULATOR_VERIFICATIONS,
      stock: e.MAS_SIMULATOR_STOCK,
      threads: e.MAS_SIMULATOR_THREADS || undefined,
    },
    parseWorkers: e.MAS_PARSE_WORKERS || undefined,
    prefetchCases: e.MAS_PREFETCH_CASES,
    autoAssignSeconds: e.MAS_AUTO_ASSIGN_SECONDS,
    stopGraceSeconds: e.MAS_STOP_GRACE_SECONDS,
    profileMinGroup: e.MAS_PROFILE_MIN_GROUP,
    roles: e.MAS_PROCESS_ROLES,
    logLevel: e.MAS_LOG_LEVEL,
    metrics: { token: e.MAS_METRICS_TOKEN, open: e.MAS_METRICS_OPEN === "true" },
    uiLanguages: e.MAS_UI_LANGUAGES,
    programmeName: e.MAS_PROGRAMME_NAME,
  };
}
