// Runs Debian's ActiveMQ Classic (apt package `activemq`) as a plain java process with its own
// configuration and data in a folder of its own: OpenWire (what MOSIP's Java client speaks) and STOMP
// (what the MAS bridge speaks), both on free loopback ports. No service, no root, no /etc changes.
// KahaDB lives in workDir, so restart() keeps persistent messages, like a real broker restart.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, closeSync, writeFileSync } from "node:fs";
import { resolve, join } from "node:path";
import net from "node:net";
import { freePort } from "./postgres.mjs";

const HOME = "/usr/share/activemq";
const JAR = `${HOME}/bin/activemq.jar`;

function xmlAttr(v) {
  return String(v).replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}

/** The broker's TLS key (and, for client certificates, trust) store, PKCS12, for a stomp+ssl:// connector. */
function sslXml(ssl) {
  const trust = ssl.trustStore
    ? ` trustStore="file:${xmlAttr(ssl.trustStore)}" trustStorePassword="${xmlAttr(ssl.trustStorePassword ?? ssl.keyStorePassword)}" trustStoreType="PKCS12"`
    : "";
  return `<sslContext>
            <sslContext keyStore="file:${xmlAttr(ssl.keyStore)}" keyStorePassword="${xmlAttr(ssl.keyStorePassword)}" keyStoreType="PKCS12"${trust}/>
        </sslContext>`;
}

function brokerXml(openwirePort, stompPort, ssl, sslPort, clientAuthPort) {
  // Adapted from /etc/activemq/instances-available/main/activemq.xml: same broker, data under
  // ${activemq.data}, plus a STOMP connector. closeAsync=false makes a closed STOMP socket release its
  // un-acked messages at once, so redelivery after a consumer crash is immediate.
  return `<beans
  xmlns="http://www.springframework.org/schema/beans"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans-2.0.xsd
  http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
    <bean class="org.springframework.beans.factory.config.PropertyPlaceholderConfigurer"/>
    <broker xmlns="http://activemq.apache.org/schema/core" useJmx="false" brokerName="localhost"
            dataDirectory="\${activemq.data}" schedulerSupport="false" advisorySupport="false">
        ${ssl ? sslXml(ssl) : ""}
        <persistenceAdapter>
            <kahaDB directory="\${activemq.data}/kahadb"/>
        </persistenceAdapter>
        <transportConnectors>
            <transportConnector name="openwire" uri="tcp://127.0.0.1:${openwirePort}"/>
            <transportConnector name="stomp" uri="stomp://127.0.0.1:${stompPort}?transport.closeAsync=false"/>
            ${ssl ? `<transportConnector name="stomp+ssl" uri="stomp+ssl://127.0.0.1:${sslPort}?transport.closeAsync=false"/>` : ""}
            ${clientAuthPort ? `<transportConnector name="stomp+ssl-client" uri="stomp+ssl://127.0.0.1:${clientAuthPort}?transport.closeAsync=false&amp;needClientAuth=true"/>` : ""}
        </transportConnectors>
    </broker>
</beans>
`;
}

const LOG4J = `rootLogger.level=WARN
rootLogger.appenderRef.console.ref=Console
appender.console.type=Console
appender.console.name=Console
appender.console.layout.type=PatternLayout
appender.console.layout.pattern=%d{HH:mm:ss.SSS} %5p | %m%n
`;

// Debian's 5.17 package logs through log4j 1.x (reload4j), which ignores the file above and looks for
// log4j.properties on the classpath (conf/). Without it the broker log says nothing, not even why it closed a
// connection ("InactivityIOException: Channel was inactive for too (>10000) long").
const LOG4J1 = `log4j.rootLogger=WARN, console
log4j.appender.console=org.apache.log4j.ConsoleAppender
log4j.appender.console.layout=org.apache.log4j.PatternLayout
log4j.appender.console.layout.ConversionPattern=%d{HH:mm:ss.SSS} %5p | %m%n
`;

function portOpen(port) {
  return new Promise((res) => {
    const s = net.connect({ port, host: "127.0.0.1" });
    s.once("connect", () => {
      s.destroy();
      res(true);
    });
    s.once("error", () => res(false));
  });
}

// A JVM starting on a busy two-core machine (other test processes, a loaded CI host) has been seen to need
// more than 30 s: the ceiling is for a broker that will never start, not for a slow one.
const START_CEILING_MS = 120_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a broker whose configuration, data and log live in workDir. With `options.ssl` ({ keyStore, keyStorePassword,
 * trustStore?, trustStorePassword? }, PKCS12 files) it also listens for STOMP over TLS (stomp+ssl), and with a trust
 * store on a second stomp+ssl port that requires a client certificate signed by one of its CAs.
 * @returns {Promise<{stompPort:number, openwirePort:number, stompUrl:string, openwireUrl:string, logFile:string,
 *   stop():Promise<void>, kill():Promise<void>, restart():Promise<void>}>}
 */
export async function startActiveMq(workDir, options = {}) {
  if (!existsSync(JAR)) throw new Error(`ActiveMQ is not installed (${JAR} missing): apt-get install -y activemq`);
  const base = resolve(workDir);
  for (const d of ["conf", "data", "tmp"]) mkdirSync(join(base, d), { recursive: true });
  const openwirePort = await freePort();
  const stompPort = await freePort();
  const sslPort = options.ssl ? await freePort() : null;
  const clientAuthPort = options.ssl?.trustStore ? await freePort() : null;
  writeFileSync(join(base, "conf", "activemq.xml"), brokerXml(openwirePort, stompPort, options.ssl, sslPort, clientAuthPort));
  writeFileSync(join(base, "conf", "log4j2.properties"), LOG4J);
  writeFileSync(join(base, "conf", "log4j.properties"), LOG4J1);
  const logFile = join(base, "broker.log");

  let child = null;
  let exited = null;

  async function launch() {
    const fd = openSync(logFile, "a");
    const c = spawn(
      "java",
      [
        "-Xms64m",
        "-Xmx256m",
        "-Djava.awt.headless=true",
        `-Dactivemq.classpath=${base}/conf`,
        `-Dactivemq.home=${HOME}`,
        `-Dactivemq.base=${base}`,
        `-Dactivemq.conf=${base}/conf`,
        `-Dactivemq.data=${base}/data`,
        `-Djava.io.tmpdir=${base}/tmp`,
        `-Dlog4j2.configurationFile=${base}/conf/log4j2.properties`,
        "-jar",
        JAR,
        "start",
        `xbean:file:${base}/conf/activemq.xml`,
      ],
      { stdio: ["ignore", fd, fd] },
    );
    closeSync(fd);
    child = c;
    exited = new Promise((res) => c.once("exit", () => res()));
    const deadline = Date.now() + START_CEILING_MS;
    // The log is noisy and version-dependent; a listening STOMP port is the readiness signal that matters.
    while (!(await portOpen(stompPort))) {
      if (c.exitCode !== null) throw new Error(`ActiveMQ exited with code ${c.exitCode} during start-up; see ${logFile}`);
      if (Date.now() > deadline) {
        c.kill("SIGKILL");
        throw new Error(`ActiveMQ did not open port ${stompPort} within ${START_CEILING_MS / 1000} s; see ${logFile}`);
      }
      await sleep(100);
    }
    while (!(await portOpen(openwirePort))) await sleep(50);
    while (sslPort !== null && !(await portOpen(sslPort))) await sleep(50);
    while (clientAuthPort !== null && !(await portOpen(clientAuthPort))) await sleep(50);
  }

  async function halt(signal) {
    if (!child || child.exitCode !== null) return;
    const c = child;
    c.kill(signal);
    const timer = setTimeout(() => c.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
    child = null;
  }

  await launch();
  return {
    stompPort,
    openwirePort,
    stompUrl: `stomp://127.0.0.1:${stompPort}`,
    openwireUrl: `tcp://127.0.0.1:${openwirePort}`,
    stompSslPort: sslPort,
    stompSslUrl: sslPort === null ? null : `stomp+ssl://127.0.0.1:${sslPort}`,
    stompSslClientAuthUrl: clientAuthPort === null ? null : `stomp+ssl://127.0.0.1:${clientAuthPort}`,
    logFile,
    /** The broker JVM's process id while it runs (for CPU accounting), else null. */
    get pid() {
      return child && child.exitCode === null ? (child.pid ?? null) : null;
    },
    /** Graceful shutdown (SIGTERM runs the broker's shutdown hook). */
    stop: () => halt("SIGTERM"),
    /** A crash: no shutdown hook; KahaDB recovers from its journal on the next start. */
    kill: () => halt("SIGKILL"),
    /**
     * Freezes the broker's JVM for ms (SIGSTOP, then SIGCONT), like a long GC pause or a starved node:
     * every timer of the broker, its heart-beats included, fires late by up to that much.
     */
    async pause(ms) {
      if (!child || child.exitCode !== null) throw new Error("ActiveMQ is not running");
      child.kill("SIGSTOP");
      try {
        await sleep(ms);
      } finally {
        child.kill("SIGCONT");
      }
    },
    async restart() {
      await halt("SIGTERM");
      await launch();
    },
  };
}
