import { test } from "node:test";
import assert from "node:assert/strict";
import { parseEnv } from "./env-schema";

test("MOSIP defaults: no queue URL (simulator), MOSIP's queue names, text responses", () => {
  const m = parseEnv({}).mosip;
  assert.equal(m.queueUrl, undefined);
  assert.deepEqual(m.queues, {
    adjudicationRequest: "mosip-to-adjudication",
    adjudicationResponse: "adjudication-to-mosip",
    verificationRequest: "mosip-to-verification",
    verificationResponse: "verification-to-mosip",
  });
  assert.equal(m.responseFormat, "text");
  assert.deepEqual(m.datashare, {
    timeoutMs: 30000,
    maxAttempts: undefined,
    validityMs: 1_800_000,
    retryBaseMs: 2000,
    retryMaxMs: 60000,
    allowedOrigins: [],
    maxBodyBytes: 32 * 1024 * 1024,
    plaintext: "seal",
  });
  assert.equal(m.auth, undefined);
  assert.equal(m.deadlineMinutes, 90);
  assert.equal(m.maxRequestBytes, 1048576);
});

test("queue URLs: STOMP only, with a hint when given MOSIP's OpenWire URL; the password is not echoed", () => {
  const ds = { MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.datashare" };
  assert.equal(parseEnv({ MOSIP_QUEUE_URL: "stomp://a:b@h1:61613,stomp://h2", ...ds }).mosip.queueUrl, "stomp://a:b@h1:61613,stomp://h2");
  assert.throws(
    () => parseEnv({ MOSIP_QUEUE_URL: "tcp://artemis:hunter2@mq:61616" }),
    (e: Error) => /STOMP port/.test(e.message) && !e.message.includes("hunter2"),
  );
  assert.throws(() => parseEnv({ MOSIP_QUEUE_URL: "stomp://h1,,stomp://h2" }), /empty entry/);
  assert.throws(() => parseEnv({ MOSIP_QUEUE_URL: "amqp://h" }), /must start with stomp:\/\//);
});

test("format, queue names, numbers and the token trio are checked with clear messages", () => {
  assert.equal(parseEnv({ MOSIP_RESPONSE_MESSAGE_FORMAT: "BYTES" }).mosip.responseFormat, "bytes");
  assert.throws(() => parseEnv({ MOSIP_RESPONSE_MESSAGE_FORMAT: "byte" }), /MOSIP_RESPONSE_MESSAGE_FORMAT must be "text"/);
  assert.throws(() => parseEnv({ MOSIP_ADJUDICATION_REQUEST_QUEUE: "/queue/x" }), /bare queue name/);
  assert.throws(() => parseEnv({ MOSIP_DATASHARE_TIMEOUT_MS: "0" }), /MOSIP_DATASHARE_TIMEOUT_MS must be a whole number/);
  assert.throws(
    () => parseEnv({ MOSIP_AUTH_CLIENT_ID: "mas" }),
    /needs MOSIP_AUTH_TOKEN_URL, MOSIP_AUTH_CLIENT_ID and MOSIP_AUTH_CLIENT_SECRET together/,
  );
  const auth = parseEnv({ MOSIP_AUTH_TOKEN_URL: "https://kc/token", MOSIP_AUTH_CLIENT_ID: "mas", MOSIP_AUTH_CLIENT_SECRET: "s" }).mosip
    .auth;
  assert.deepEqual(auth, { tokenUrl: "https://kc/token", clientId: "mas", clientSecret: "s" });
});

test("verification reject value: default 3, never 1 or 2, a whole number", () => {
  assert.equal(parseEnv({}).mosip.verificationRejectValue, 3);
  assert.equal(parseEnv({ MOSIP_VERIFICATION_REJECT_VALUE: "0" }).mosip.verificationRejectValue, 0);
  assert.equal(parseEnv({ MOSIP_VERIFICATION_REJECT_VALUE: "-1" }).mosip.verificationRejectValue, -1);
  assert.throws(
    () => parseEnv({ MOSIP_VERIFICATION_REJECT_VALUE: "1" }),
    /MOSIP_VERIFICATION_REJECT_VALUE must not be 1: MOSIP reads 1 as approve/,
  );
  assert.throws(() => parseEnv({ MOSIP_VERIFICATION_REJECT_VALUE: "2" }), /must not be 2/);
  assert.throws(() => parseEnv({ MOSIP_VERIFICATION_REJECT_VALUE: "3.5" }), /must be a whole number/);
  assert.throws(() => parseEnv({ MOSIP_VERIFICATION_REJECT_VALUE: "99999999999" }), /must be a whole number/);
});

test("datashare validity: default 30 minutes like MOSIP's policy; the attempt cap is optional", () => {
  assert.equal(parseEnv({ MAS_DATASHARE_VALIDITY_SECONDS: "600" }).mosip.datashare.validityMs, 600_000);
  assert.throws(() => parseEnv({ MAS_DATASHARE_VALIDITY_SECONDS: "0" }), /MAS_DATASHARE_VALIDITY_SECONDS must be a whole number above 0/);
  assert.equal(parseEnv({ MOSIP_DATASHARE_MAX_ATTEMPTS: "60" }).mosip.datashare.maxAttempts, 60);
  assert.equal(parseEnv({ MOSIP_DATASHARE_MAX_ATTEMPTS: "" }).mosip.datashare.maxAttempts, undefined);
  assert.throws(
    () => parseEnv({ MOSIP_DATASHARE_MAX_ATTEMPTS: "0" }),
    /MOSIP_DATASHARE_MAX_ATTEMPTS must be a whole number above 0, or unset/,
  );
});

test("datashare retention: default 7 days, must be a whole number above 0", () => {
  assert.equal(parseEnv({}).datashareRetentionDays, 7);
  assert.equal(parseEnv({ MAS_DATASHARE_RETENTION_DAYS: "30" }).datashareRetentionDays, 30);
  assert.throws(() => parseEnv({ MAS_DATASHARE_RETENTION_DAYS: "0" }), /MAS_DATASHARE_RETENTION_DAYS must be a whole number above 0/);
  assert.throws(() => parseEnv({ MAS_DATASHARE_RETENTION_DAYS: "a week" }), /MAS_DATASHARE_RETENTION_DAYS/);
});

test("heart-beat: 10 s by default, at least 1 s", () => {
  assert.equal(parseEnv({}).mosip.heartbeatMs, 10_000);
  assert.equal(parseEnv({ MOSIP_QUEUE_HEARTBEAT_MS: "4000" }).mosip.heartbeatMs, 4000);
  assert.throws(() => parseEnv({ MOSIP_QUEUE_HEARTBEAT_MS: "500" }), /MOSIP_QUEUE_HEARTBEAT_MS must be at least 1000/);
  assert.throws(() => parseEnv({ MOSIP_QUEUE_HEARTBEAT_MS: "0" }), /MOSIP_QUEUE_HEARTBEAT_MS must be a whole number/);
});

test("broker kind: ActiveMQ Classic unless told Artemis; anything else is refused with the choices", () => {
  assert.equal(parseEnv({}).mosip.broker, "classic");
  assert.equal(parseEnv({ MOSIP_QUEUE_BROKER: "Artemis" }).mosip.broker, "artemis");
  assert.throws(() => parseEnv({ MOSIP_QUEUE_BROKER: "rabbitmq" }), /MOSIP_QUEUE_BROKER must be "artemis" .* or "classic"/);
});

test("a queue needs the datashare allow-list; its origins are normalised; the body cap defaults to 32 MiB", () => {
  assert.throws(
    () => parseEnv({ MOSIP_QUEUE_URL: "stomp://mq:61613" }),
    /MOSIP_DATASHARE_ALLOWED_ORIGINS is required with MOSIP_QUEUE_URL: the origin\(s\) of MOSIP's datashare service/,
  );
  const m = parseEnv({ MOSIP_QUEUE_URL: "stomp://mq:61613", MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.datashare" }).mosip;
  assert.deepEqual(m.datashare.allowedOrigins, ["http://datashare.datashare:80"]);
  assert.deepEqual(parseEnv({}).mosip.datashare.allowedOrigins, []);
  assert.throws(
    () => parseEnv({ MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.datashare/v1/datashare/get" }),
    /MOSIP_DATASHARE_ALLOWED_ORIGINS entry .* must be an origin only/,
  );
  assert.equal(parseEnv({}).mosip.datashare.maxBodyBytes, 32 * 1024 * 1024);
  assert.equal(parseEnv({ MOSIP_DATASHARE_MAX_BYTES: "1000" }).mosip.datashare.maxBodyBytes, 1000);
});

test("stomp+ssl:// is accepted; TLS files must be readable at start, the client pair given together", () => {
  const ds = { MOSIP_DATASHARE_ALLOWED_ORIGINS: "http://datashare.datashare" };
  assert.equal(parseEnv({ MOSIP_QUEUE_URL: "stomp+ssl://mas:pw@mq:61614", ...ds }).mosip.queueUrl, "stomp+ssl://mas:pw@mq:61614");
  assert.throws(
    () => parseEnv({ MOSIP_QUEUE_URL: "ssl://mq:61617", ...ds }),
    /not an OpenWire URL like MOSIP's tcp:\/\/…:61616 or ssl:\/\//,
  );
  assert.throws(
    () => parseEnv({ MOSIP_QUEUE_TLS_CA_FILE: "/nonexistent/ca.pem" }),
    /MOSIP_QUEUE_TLS_CA_FILE must name a readable PEM file; cannot read "\/nonexistent\/ca.pem"/,
  );
  assert.throws(() => parseEnv({ MOSIP_QUEUE_TLS_CA_FILE: "/" }), /MOSIP_QUEUE_TLS_CA_FILE must name a readable PEM file/);
  const file = new URL(import.meta.url).pathname;
  assert.equal(parseEnv({ MOSIP_QUEUE_TLS_CA_FILE: file }).mosip.queueTls.caFile, file);
  assert.throws(
    () => parseEnv({ MOSIP_QUEUE_TLS_CERT_FILE: file }),
    /needs MOSIP_QUEUE_TLS_CERT_FILE and MOSIP_QUEUE_TLS_KEY_FILE together/,
  );
});
