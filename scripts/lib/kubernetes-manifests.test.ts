// deploy/kubernetes renders with Debian's kubectl (kustomize built in), every object is valid for the Kubernetes
// API (and the ServiceMonitor / VirtualService CRDs), and the pods follow the deployment policy of
// docs/deployment.md: non-root, read-only, probes on the health paths, resources, secrets by reference.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { debianKubectl } from "./ensure-system.mjs";
import { HEALTH_PATHS, type KubeObject, renderKustomization, schemaProblems } from "./kubernetes-manifests";

const BASE = "deploy/kubernetes/base";
const OVERLAY = "deploy/kubernetes/overlays/mosip";
const LIVENESS_PATH = HEALTH_PATHS.live;
const READINESS_PATH = HEALTH_PATHS.ready;

const kubectl = debianKubectl();
const base = renderKustomization(kubectl, BASE);
const overlay = renderKustomization(kubectl, OVERLAY);
const documented = new Set(readFileSync("docs/configuration.md", "utf8").match(/(?<=`)[A-Z][A-Z0-9_]+(?=`)/g));

const of = (objects: KubeObject[], kind: string) => objects.filter((o) => o.kind === kind);
const deployment = (objects: KubeObject[], name: string) => {
  const d = objects.find((o) => o.kind === "Deployment" && o.metadata.name === name);
  assert.ok(d, `no Deployment ${name}`);
  return d;
};
// biome-ignore lint/suspicious/noExplicitAny: a rendered container, already schema-checked
const envValue = (container: any, name: string) => container.env?.find((e: { name: string }) => e.name === name)?.value;

test("base and MOSIP overlay render, and every object is valid for the Kubernetes API schemas", () => {
  assert.deepEqual(schemaProblems([...base, ...overlay]), []);
  assert.deepEqual(overlay.map((o) => o.kind).sort(), [
    "ConfigMap",
    "Deployment",
    "Deployment",
    "Namespace",
    "NetworkPolicy",
    "PodDisruptionBudget",
    "PodDisruptionBudget",
    "Service",
    "Service",
    "ServiceMonitor",
    "VirtualService",
  ]);
});

test("the schema check refuses a field the API does not have, a wrong type and an unknown kind", () => {
  const broken = structuredClone(base);
  const web = deployment(broken, "mas-web");
  web.spec.template.spec.containers[0].readinessProbe.httpGett = { path: READINESS_PATH, port: "http" };
  web.spec.replicas = "two";
  broken.push({ apiVersion: "example.org/v1", kind: "Gadget", metadata: { name: "x" } });
  const problems = schemaProblems(broken).join("\n");
  assert.match(problems, /Deployment\/mas-web: .*'"?httpGett"?' does not exist in type 'IProbe'/);
  assert.match(problems, /Deployment\/mas-web: data\/spec\/replicas must be integer/);
  assert.match(problems, /Gadget\/x: no schema/);
});

test("every pod runs as non-root on a read-only root file system, without privileges, and writes only to emptyDirs", () => {
  for (const d of [...of(base, "Deployment"), ...of(overlay, "Deployment")]) {
    const pod = d.spec.template.spec;
    const name = d.metadata.name;
    assert.equal(pod.securityContext?.runAsNonRoot, true, `${name}: runAsNonRoot`);
    assert.ok(pod.securityContext?.runAsUser > 0, `${name}: a non-zero runAsUser`);
    assert.equal(pod.securityContext?.seccompProfile?.type, "RuntimeDefault", `${name}: seccomp RuntimeDefault`);
    assert.equal(pod.automountServiceAccountToken, false, `${name}: no service account token`);
    for (const c of pod.containers) {
      assert.equal(c.securityContext?.readOnlyRootFilesystem, true, `${name}/${c.name}: readOnlyRootFilesystem`);
      assert.equal(c.securityContext?.allowPrivilegeEscalation, false, `${name}/${c.name}: allowPrivilegeEscalation false`);
      assert.deepEqual(c.securityContext?.capabilities?.drop, ["ALL"], `${name}/${c.name}: drop ALL capabilities`);
      for (const m of c.volumeMounts ?? []) {
        const volume = pod.volumes.find((v: { name: string }) => v.name === m.name);
        assert.ok(m.readOnly || volume?.emptyDir, `${name}/${c.name}: ${m.mountPath} is writable but not an emptyDir`);
      }
    }
  }
});

test("every container has requests, a memory limit, a startup probe and liveness/readiness on the health paths", () => {
  for (const d of of(overlay, "Deployment")) {
    for (const c of d.spec.template.spec.containers) {
      const where = `${d.metadata.name}/${c.name}`;
      assert.ok(c.resources?.requests?.cpu && c.resources?.requests?.memory, `${where}: cpu and memory requests`);
      assert.ok(c.resources?.limits?.memory, `${where}: a memory limit`);
      assert.equal(c.livenessProbe?.httpGet?.path, LIVENESS_PATH, `${where}: liveness`);
      assert.equal(c.readinessProbe?.httpGet?.path, READINESS_PATH, `${where}: readiness`);
      assert.equal(c.startupProbe?.httpGet?.path, LIVENESS_PATH, `${where}: startup`);
    }
  }
});

test("web and worker split the process roles; web is replicated; each has a disruption budget; stop grace is respected", () => {
  const config = overlay.find((o) => o.kind === "ConfigMap")!.data!;
  const web = deployment(overlay, "mas-web");
  const worker = deployment(overlay, "mas-worker");
  assert.equal(envValue(web.spec.template.spec.containers[0], "MAS_PROCESS_ROLES"), "web");
  assert.equal(envValue(worker.spec.template.spec.containers[0], "MAS_PROCESS_ROLES"), "intake,worker,publisher");
  assert.ok(web.spec.replicas >= 2, "several web replicas");
  for (const d of [web, worker]) {
    const pdb = of(overlay, "PodDisruptionBudget").find((p) =>
      Object.entries(p.spec.selector.matchLabels).every(([k, v]) => d.spec.template.metadata.labels[k] === v),
    );
    assert.ok(pdb, `${d.metadata.name}: a PodDisruptionBudget selects its pods`);
    assert.ok(d.spec.template.spec.terminationGracePeriodSeconds > Number(config.MAS_STOP_GRACE_SECONDS), `${d.metadata.name}: grace`);
    const data = d.spec.template.spec.containers[0].volumeMounts.find((m: { name: string }) => m.name === "data");
    assert.equal(data?.mountPath, config.MAS_DATA_DIR, `${d.metadata.name}: MAS_DATA_DIR is the writable data volume`);
  }
  const monitor = of(overlay, "ServiceMonitor")[0];
  assert.equal(monitor.spec.endpoints[0].path, "/api/metrics");
  assert.equal(monitor.spec.endpoints[0].bearerTokenSecret.key, "MAS_METRICS_TOKEN");
});

test("every variable the manifests set is one docs/configuration.md documents, and secrets come from Secrets", () => {
  const known = (name: string) => documented.has(name);
  const config = overlay.find((o) => o.kind === "ConfigMap")!.data!;
  for (const key of Object.keys(config)) assert.ok(known(key), `ConfigMap key ${key} is not in docs/configuration.md`);
  for (const d of of(overlay, "Deployment")) {
    for (const e of d.spec.template.spec.containers[0].env) {
      assert.ok(known(e.name), `${d.metadata.name}: env ${e.name} is not in docs/configuration.md`);
      if (/SECRET|PASSWORD|TOKEN|DATABASE_URL|QUEUE_URL/.test(e.name)) {
        assert.ok(e.valueFrom?.secretKeyRef, `${d.metadata.name}: ${e.name} must come from a Secret, not a value`);
      }
    }
  }
  for (const key of Object.keys(config))
    assert.doesNotMatch(key, /SECRET|PASSWORD|TOKEN$|DATABASE_URL|QUEUE_URL/, `${key} is secret: not in a ConfigMap`);
});
