// What a subject worker receives once, when it starts: the partner keys as KeyObjects (structured clone moves
// them between threads without their key material entering JavaScript) and the local data key.

import { decryptionKeys, type DecryptionKey } from "@/lib/crypto/key-ring";
import type { SubjectKeys } from "./open-subject";

/** The keys of this process in a form that crosses to a worker thread. */
export interface PortableSubjectKeys {
  partnerKeys: DecryptionKey[] | null;
  dataKey: SubjectKeys["dataKey"];
}

interface SubjectWorkerData {
  partnerKeys: DecryptionKey[] | null;
  dataKey: { ok: true; key: Uint8Array } | { ok: false; reason: string };
}

export function subjectWorkerData(keys: PortableSubjectKeys): SubjectWorkerData {
  // A copy of its own: a small Buffer is a view into Node's shared pool, and cloning a view sends its whole buffer.
  const dataKey = keys.dataKey.ok ? { ok: true as const, key: new Uint8Array(keys.dataKey.key) } : keys.dataKey;
  return { partnerKeys: keys.partnerKeys, dataKey };
}

/** The keys as openSubject uses them. */
export function subjectKeys(keys: PortableSubjectKeys): SubjectKeys {
  return { partner: keys.partnerKeys ? decryptionKeys(keys.partnerKeys) : null, dataKey: keys.dataKey };
}

export function subjectKeysFromWorkerData(data: unknown): SubjectKeys {
  const d = data as SubjectWorkerData | null;
  if (!d || !("dataKey" in d)) throw new Error("a subject worker must be started by lib/cases/subject-opener.ts, with its keys");
  return subjectKeys({
    partnerKeys: d.partnerKeys,
    dataKey: d.dataKey.ok ? { ok: true, key: Buffer.from(d.dataKey.key) } : d.dataKey,
  });
}
