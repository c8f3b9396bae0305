import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CliError, HELP, parseSimulatorArgs } from "./cli-options";

describe("simulator command line", () => {
  it("has MOSIP's defaults", () => {
    const o = parseSimulatorArgs(["run", "5"], { MOSIP_QUEUE_URL: "stomp://u:p@mq:61613" });
    assert.equal(o.command, "run");
    assert.equal(o.count, 5);
    assert.equal(o.broker, "stomp://u:p@mq:61613");
    assert.deepEqual([o.format, o.urlForm, o.ttlSeconds, o.candidates, o.encryption], ["text", "lts", 5400, 3, null]);
    assert.deepEqual(o.queues, {
      adjudicationRequest: "mosip-to-adjudication",
      adjudicationResponse: "adjudication-to-mosip",
      verificationRequest: "mosip-to-verification",
      verificationResponse: "verification-to-mosip",
    });
  });

  it("reads the switches", () => {
    const o = parseSimulatorArgs([
      "publish",
      "2",
      "--format",
      "bytes",
      "--url-form",
      "plain",
      "--ttl",
      "0",
      "--expired",
      "--unauthorized",
      "--slow",
      "250",
      "--cert",
      "c.pem",
      "--encryption",
      "LEGACY",
    ]);
    assert.deepEqual(
      [o.format, o.urlForm, o.ttlSeconds, o.expired, o.unauthorised, o.slowMs, o.cert, o.encryption],
      ["bytes", "plain", 0, true, true, 250, "c.pem", "LEGACY"],
    );
  });

  it("rejects bad input with a usable message", () => {
    assert.throws(() => parseSimulatorArgs(["run"]), CliError);
    assert.throws(() => parseSimulatorArgs(["fly", "1"]), /unknown command "fly"/);
    assert.throws(() => parseSimulatorArgs(["run", "1", "--format", "xml"]), /--format must be one of text, bytes/);
    assert.throws(() => parseSimulatorArgs(["run", "1", "--duplicate-rate", "2"]), /between 0 and 1/);
    assert.throws(() => parseSimulatorArgs(["run", "1", "--bogus"]));
    assert.equal(parseSimulatorArgs(["--help"]).help, true);
    assert.match(HELP, /--unauthorised/);
  });

  it("addresses queues for the broker kind given, or the MAS's own setting", () => {
    assert.equal(parseSimulatorArgs(["run", "1"], {}).brokerKind, "classic");
    assert.equal(parseSimulatorArgs(["run", "1"], { MOSIP_QUEUE_BROKER: "artemis" }).brokerKind, "artemis");
    assert.equal(parseSimulatorArgs(["run", "1", "--broker-kind", "artemis"], {}).brokerKind, "artemis");
    assert.throws(() => parseSimulatorArgs(["run", "1", "--broker-kind", "kafka"], {}), CliError);
  });
});
