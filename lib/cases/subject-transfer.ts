// A SubjectLoad crossing between threads: the biometric records and documents (most of a subject's bytes) are moved,
// not copied, and come back as the Buffers the rest of the server expects (structured clone makes them Uint8Arrays).

import type { SubjectLoad } from "./open-subject";

/**
 * Gives every byte array of the load a buffer of its own and lists those buffers, to be moved. A Buffer may be a
 * view into a larger or pooled one (Node's small-Buffer pool, a whole decoded payload), which must not be moved.
 */
export function movableBuffers(load: SubjectLoad): ArrayBuffer[] {
  if (!load.ok) return [];
  const moved: ArrayBuffer[] = [];
  const own = (b: Uint8Array): Buffer => {
    const whole = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && !moved.includes(b.buffer as ArrayBuffer);
    const mine = whole ? b : new Uint8Array(b);
    moved.push(mine.buffer as ArrayBuffer);
    return Buffer.from(mine.buffer, mine.byteOffset, mine.byteLength);
  };
  for (const bir of load.data.birs) if (bir.bdb) bir.bdb = own(bir.bdb);
  const documents = load.data.payload.documents;
  if (documents) for (const [name, doc] of Object.entries(documents)) if (doc) documents[name] = own(doc);
  return moved;
}

/** Restores the Buffer type of the byte arrays that crossed from the worker. */
export function reviveSubjectLoad(load: SubjectLoad): SubjectLoad {
  if (!load.ok) return load;
  const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  for (const bir of load.data.birs) if (bir.bdb) bir.bdb = asBuffer(bir.bdb);
  const documents = load.data.payload.documents;
  if (documents) for (const [name, doc] of Object.entries(documents)) if (doc) documents[name] = asBuffer(doc);
  return load;
}
