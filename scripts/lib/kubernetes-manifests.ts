// Renders deploy/kubernetes with Debian's kubectl and checks every object against the Kubernetes API schemas,
// offline. Two checks from one source, the kubernetes-models packages (the Kubernetes OpenAPI definitions, and
// prometheus-operator's and Istio's CRDs, as JSON-schema validators and TypeScript interfaces):
//  - the JSON-schema validator: types, required fields, enums, formats;
//  - the TypeScript compiler on each object as a typed literal: a field the API does not have (a typo, a field at
//    the wrong level), which the JSON schemas accept because they allow additional properties.
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parseAllDocuments } from "yaml";
import { ConfigMap, Namespace, Secret, Service } from "kubernetes-models/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";
import { VirtualService } from "@kubernetes-models/istio/networking.istio.io/v1beta1";

/** The health endpoints of the probes and of the Dockerfile's HEALTHCHECK. */
export const HEALTH_PATHS = { live: "/api/health/live", ready: "/api/health/ready" } as const;

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: rendered objects are checked against the schemas, not trusted
  spec?: any;
  data?: Record<string, string>;
}

type Model = new (data: never) => { validate(): void };

/** apiVersion/kind → the model validating it and the module and interface the compiler checks it against. */
const KINDS: Record<string, { model: Model; module: string; type: string }> = {
  "v1/Namespace": { model: Namespace as Model, module: "kubernetes-models/v1", type: "INamespace" },
  "v1/ConfigMap": { model: ConfigMap as Model, module: "kubernetes-models/v1", type: "IConfigMap" },
  "v1/Secret": { model: Secret as Model, module: "kubernetes-models/v1", type: "ISecret" },
  "v1/Service": { model: Service as Model, module: "kubernetes-models/v1", type: "IService" },
  "apps/v1/Deployment": { model: Deployment as Model, module: "kubernetes-models/apps/v1", type: "IDeployment" },
  "policy/v1/PodDisruptionBudget": {
    model: PodDisruptionBudget as Model,
    module: "kubernetes-models/policy/v1",
    type: "IPodDisruptionBudget",
  },
  "networking.k8s.io/v1/NetworkPolicy": {
    model: NetworkPolicy as Model,
    module: "kubernetes-models/networking.k8s.io/v1",
    type: "INetworkPolicy",
  },
  "monitoring.coreos.com/v1/ServiceMonitor": {
    model: ServiceMonitor as Model,
    module: "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
    type: "IServiceMonitor",
  },
  "networking.istio.io/v1beta1/VirtualService": {
    model: VirtualService as Model,
    module: "@kubernetes-models/istio/networking.istio.io/v1beta1",
    type: "IVirtualService",
  },
};

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

const label = (o: KubeObject) => `${o.kind}/${o.metadata?.name ?? "?"}`;

/** `kubectl kustomize <dir>` with the given kubectl, parsed. */
export function renderKustomization(kubectl: string, dir: string): KubeObject[] {
  const r = spawnSync(kubectl, ["kustomize", dir], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${r.stderr}`);
  return parseAllDocuments(r.stdout).map((d) => {
    if (d.errors.length) throw new Error(`kubectl kustomize ${dir} printed invalid YAML: ${d.errors[0].message}`);
    return d.toJS() as KubeObject;
  });
}

/** Problems found by the API schemas, one line per problem, naming the object. Empty when all are valid. */
export function schemaProblems(objects: KubeObject[]): string[] {
  const problems: string[] = [];
  for (const o of objects) {
    const kind = KINDS[`${o.apiVersion}/${o.kind}`];
    if (!kind) {
      problems.push(`${label(o)}: no schema for ${o.apiVersion} ${o.kind} (add it to KINDS in scripts/lib/kubernetes-manifests.ts)`);
      continue;
    }
    try {
      new kind.model(structuredClone(o) as never).validate();
    } catch (e) {
      problems.push(`${label(o)}: ${(e as Error).message}`);
    }
  }
  return problems.concat(unknownFieldProblems(objects.filter((o) => KINDS[`${o.apiVersion}/${o.kind}`])));
}

/** Fields the API does not define: each object becomes a typed literal, and excess properties are compile errors. */
function unknownFieldProblems(objects: KubeObject[]): string[] {
  const file = join(ROOT, ".test-work", "kubernetes-objects.check.ts");
  const lines: string[] = [];
  const owner: KubeObject[] = [];
  objects.forEach((o, i) => {
    const kind = KINDS[`${o.apiVersion}/${o.kind}`];
    lines.push(`import type { ${kind.type} as T${i} } from ${JSON.stringify(kind.module)};`);
    owner.push(o);
  });
  const firstObjectLine = lines.length;
  const startLine: number[] = [];
  objects.forEach((o, i) => {
    startLine.push(lines.length);
    lines.push(...`export const o${i}: T${i} = ${JSON.stringify(o, null, 1)};`.split("\n"));
  });
  const source = lines.join("\n");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
    if (!d.file || d.start === undefined || d.file.fileName !== file) return `TypeScript: ${message}`;
    const line = d.file.getLineAndCharacterOfPosition(d.start).line;
    if (line < firstObjectLine) return `schema import: ${message}`;
    let at = 0;
    while (at + 1 < startLine.length && startLine[at + 1] <= line) at++;
    return `${label(owner[at])}: ${message}`;
  });
}
