// MOSIP simulator for integrators: does for MOSIP's side what mosip's mock-mv does for the MAS
// side. Publishes requests to a real broker over STOMP, serves their datashares over HTTP and
// checks every response the MAS sends back. The logic lives in lib/simulator; this file only
// connects it to a broker and a terminal. Run `tsx scripts/simulator.ts --help`.

import { Client, type IMessage } from "@stomp/stompjs";
import { TCPWrapper } from "@stomp/tcp-wrapper";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseQueueUrls } from "@/lib/broker/parse-queue-urls";
import { queueDialect } from "@/lib/broker/queue-dialect";
import { generatePartnerKey } from "@/lib/crypto/generate-partner-key";
import { originOf } from "@/lib/env/datashare-origins";
import { buildWorkerBundles } from "@/lib/process/build-worker-bundles.mjs";
import { ResponseChecker, type KnownRequest, type ResponseVerdict } from "@/lib/simulator/check-response";
import { CliError, HELP, parseSimulatorArgs, type SimulatorCli } from "@/lib/simulator/cli-options";
import { createEmbeddedSimulator } from "@/lib/simulator/embedded-simulator";
import { publishHeaders } from "@/lib/simulator/message-headers";
import type { RequestTruth } from "@/lib/simulator/scenario";

interface StateFile {
  seed: number;
  queues: SimulatorCli["queues"];
  requests: (KnownRequest & { supersedes: string | null })[];
  truth: [string, RequestTruth][];
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  let cli: SimulatorCli;
  try {
    cli = parseSimulatorArgs(process.argv.slice(2), process.env);
  } catch (e) {
    if (e instanceof CliError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      err(`simulator: ${(e as Error).message}\nRun with --help for usage.`);
      return 2;
    }
    throw e;
  }
  if (cli.help) {
    out(HELP);
    return 0;
  }
  if (cli.command === "keygen") {
    writeKey(cli.keyOut);
    return 0;
  }
  if (cli.command === "listen") return listen(cli);
  return publishAndCheck(cli);
}

function writeKey(dir: string): string {
  const key = generatePartnerKey({ commonName: "mas-partner-demo", organization: "MOSIP simulator" });
  mkdirSync(dir, { recursive: true });
  const keyFile = resolve(join(dir, "mas-partner-key.pem"));
  const certFile = resolve(join(dir, "mas-partner-cert.pem"));
  writeFileSync(keyFile, key.privateKeyPem, { mode: 0o600 });
  writeFileSync(certFile, key.certificatePem);
  out(`[simulator] demo partner key written; configure the MAS with:`);
  out(`  MAS_PARTNER_PRIVATE_KEY_FILE=${keyFile}`);
  out(`  MAS_PARTNER_CERTIFICATE_FILE=${certFile}`);
  out(`  (certificate thumbprint ${key.thumbprintHex})`);
  return key.certificatePem;
}

async function publishAndCheck(cli: SimulatorCli): Promise<number> {
  // Datashares are synthesised in worker threads that load a plain-JS bundle; bring it up to date first.
  await buildWorkerBundles();
  const encryption = cli.encryption ?? "VER_R2";
  let certificate: string | null = null;
  if (encryption !== "none") {
    if (cli.cert) {
      try {
        certificate = readFileSync(cli.cert, "utf8");
      } catch {
        err(`simulator: cannot read --cert ${cli.cert}`);
        return 2;
      }
    } else certificate = writeKey(cli.keyOut);
  }

  const sim = await createEmbeddedSimulator({
    seed: cli.seed ?? Math.floor(Math.random() * 2 ** 32),
    adjudications: cli.count,
    candidates: cli.candidates,
    verifications: cli.verifications,
    duplicateRate: cli.duplicateRate,
    nullUrlRate: cli.nullUrlRate,
    resends: cli.resends,
    urlForm: cli.urlForm,
    certificate,
    encryption,
    fingerCodec: cli.fingerCodec,
    host: cli.datashareHost,
    port: cli.datasharePort,
    publicUrl: cli.publicUrl ?? undefined,
    format: cli.format,
    ttlSeconds: cli.ttlSeconds,
    queues: cli.queues,
    requireToken: cli.unauthorised,
    clients: [{ clientId: cli.clientId, clientSecret: cli.clientSecret }],
    switches: { expired: cli.expired, missing: cli.missing, slowMs: cli.slowMs, failTimes: cli.failTimes },
  });
  out(`[simulator] seed ${sim.scenario.seed}; datashares served at ${sim.datashare.url} (${encryption})`);
  // The MAS fetches only from origins it allows: the integrator sets this on the MAS side.
  out(`[simulator] the MAS needs MOSIP_DATASHARE_ALLOWED_ORIGINS=${originOf(cli.publicUrl ?? sim.datashare.url) ?? "?"}`);
  if (cli.unauthorised) out(`[simulator] token endpoint ${sim.datashare.url}/oauth/token (client ${cli.clientId})`);

  let client: Client;
  try {
    client = await connect(cli.broker);
  } catch (e) {
    err(`simulator: ${(e as Error).message}`);
    await sim.close();
    return 2;
  }

  const finished = cli.command === "run" ? subscribeAndCheck(client, sim.checker, cli) : null;
  for (const r of sim.scenario.requests) {
    const queue = r.kind === "ADJUDICATION" ? cli.queues.adjudicationRequest : cli.queues.verificationRequest;
    await publish(client, queue, r.body, cli);
    out(`[publish] ${r.kind.padEnd(12)} ${r.requestId} -> ${queue}${r.supersedes ? ` (supersedes ${r.supersedes})` : ""}`);
  }
  out(`[simulator] published ${sim.scenario.requests.length} request(s) as ${cli.format} messages`);

  if (cli.command === "publish") {
    const state: StateFile = {
      seed: sim.scenario.seed,
      queues: cli.queues,
      requests: sim.scenario.requests.map((r) => ({
        kind: r.kind,
        requestId: r.requestId,
        referenceId: r.referenceId,
        gallery: r.gallery.map((g) => ({ referenceId: g.rid })),
        supersedes: r.supersedes,
      })),
      truth: [...sim.scenario.truth.entries()],
    };
    writeFileSync(cli.state, JSON.stringify(state, null, 2), { mode: 0o600 });
    out(`[simulator] state written to ${resolve(cli.state)}; serving datashares until Ctrl-C`);
    await new Promise<void>((done) => process.once("SIGINT", () => done()));
    await client.deactivate();
    await sim.close();
    return 0;
  }

  const code = await finished!;
  await client.deactivate();
  await sim.close();
  return code;
}

async function listen(cli: SimulatorCli): Promise<number> {
  let state: StateFile;
  try {
    state = JSON.parse(readFileSync(cli.state, "utf8")) as StateFile;
  } catch {
    err(`simulator: cannot read the state file ${cli.state} (written by "publish")`);
    return 2;
  }
  const checker = new ResponseChecker(state.requests, {
    truth: new Map(state.truth),
    queues: { adjudication: cli.queues.adjudicationResponse, verification: cli.queues.verificationResponse },
  });
  let client: Client;
  try {
    client = await connect(cli.broker);
  } catch (e) {
    err(`simulator: ${(e as Error).message}`);
    return 2;
  }
  const code = await subscribeAndCheck(client, checker, cli);
  await client.deactivate();
  return code;
}

function connect(broker: string): Promise<Client> {
  const ep = parseQueueUrls(broker)[0];
  if (!ep) throw new CliError("--broker is empty");
  // The simulator plays MOSIP on a test broker; TLS to the broker is the MAS's concern (lib/broker/tls-stomp-socket.ts).
  if (ep.tls) throw new CliError("--broker: the simulator connects over plain stomp:// only");
  const headers: Record<string, string> = { host: ep.host };
  if (ep.login !== undefined) headers.login = ep.login;
  if (ep.passcode !== undefined) headers.passcode = ep.passcode;
  const client = new Client({
    webSocketFactory: () => new TCPWrapper(ep.host, ep.port),
    connectHeaders: headers,
    reconnectDelay: 0,
    heartbeatIncoming: 10_000,
    heartbeatOutgoing: 10_000,
    connectionTimeout: 0,
    debug: () => {},
  });
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void client.deactivate({ force: true });
      fail(new Error(`no STOMP connection to ${ep.display} within 10 s`));
    }, 10_000);
    client.onConnect = () => {
      clearTimeout(timer);
      out(`[simulator] connected to ${ep.display}`);
      done(client);
    };
    client.onStompError = (frame) => {
      clearTimeout(timer);
      void client.deactivate({ force: true });
      fail(new Error(`broker ${ep.display} refused: ${(frame.headers.message ?? "ERROR").slice(0, 200)}`));
    };
    client.onWebSocketError = () => {
      clearTimeout(timer);
      void client.deactivate({ force: true });
      fail(new Error(`cannot reach ${ep.display}`));
    };
    client.activate();
  });
}

let receiptCounter = 0;

/** SEND and wait for the broker's receipt, so "published" means the broker has it. */
function publish(client: Client, queue: string, body: string, cli: SimulatorCli): Promise<void> {
  const dialect = queueDialect(cli.brokerKind);
  const headers = { ...dialect.sendHeaders, ...publishHeaders(body, { format: cli.format, ttlSeconds: cli.ttlSeconds, now: Date.now() }) };
  const receipt = `simulator-${process.pid}-${++receiptCounter}`;
  headers.receipt = receipt;
  return new Promise((done) => {
    client.watchForReceipt(receipt, () => done());
    if (cli.format === "text") {
      // No content-length: both brokers turn the SEND into a JMS TextMessage.
      client.publish({ destination: dialect.destination(queue), body, headers, skipContentLengthHeader: true });
    } else {
      client.publish({ destination: dialect.destination(queue), binaryBody: new TextEncoder().encode(body), headers });
    }
  });
}

function subscribeAndCheck(client: Client, checker: ResponseChecker, cli: SimulatorCli): Promise<number> {
  return new Promise((done) => {
    let settled = false;
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const s = checker.summary();
      out(`[summary] ${s.responses} response(s): ${s.ok} met the contract, ${s.broken} broke it`);
      out(
        `[summary] MOSIP outcomes: ${
          Object.entries(s.outcomes)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ") || "none"
        }`,
      );
      out(`[summary] against the truth: ${s.truthAgreed} agreed, ${s.truthDisagreed} disagreed`);
      if (Object.keys(s.problemCounts).length)
        out(
          `[summary] problems: ${Object.entries(s.problemCounts)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")}`,
        );
      if (s.unanswered.length)
        out(`[summary] unanswered: ${s.unanswered.length} (${s.unanswered.slice(0, 5).join(", ")}${s.unanswered.length > 5 ? ", …" : ""})`);
      done(s.broken > 0 ? 1 : timedOut && s.unanswered.length > 0 ? 3 : 0);
    };
    const timer = setTimeout(() => finish(true), cli.timeoutSeconds * 1000);
    process.once("SIGINT", () => finish(true));
    for (const queue of [cli.queues.adjudicationResponse, cli.queues.verificationResponse]) {
      client.subscribe(
        queueDialect(cli.brokerKind).destination(queue),
        (m: IMessage) => {
          const verdict = checker.check(m.binaryBody, { queue });
          m.ack();
          printVerdict(verdict);
          if (checker.summary().unanswered.length === 0) finish(false);
        },
        { ...queueDialect(cli.brokerKind).subscribeHeaders, ack: "client-individual" },
      );
    }
  });
}

function printVerdict(v: ResponseVerdict): void {
  const mark = v.ok ? "ok  " : "FAIL";
  const truth = v.truth
    ? v.truth.agrees
      ? " truth: agrees"
      : ` truth: missed ${v.truth.missed.length}, wrong ${v.truth.wrong.length}`
    : "";
  out(
    `[response] ${mark} ${v.requestId ?? "(no requestId)"} ${v.kind ?? ""} -> MOSIP ${v.outcome ?? "?"}${v.reason ? ` (${v.reason})` : ""}${truth}`,
  );
  for (const p of v.problems) out(`           ${p.code}${p.path ? ` at ${p.path}` : ""}: ${p.message}`);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    err(`simulator: ${(e as Error).message}`);
    process.exit(2);
  },
);
