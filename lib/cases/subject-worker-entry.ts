// Worker file of subject-opener.ts: decrypts and parses stored datashares off the request thread. Not loaded as
// TypeScript: lib/process/build-worker-bundles.mjs bundles it into subject-worker.generated.mjs (plain JavaScript
// for plain Node). The keys arrive once, in workerData, when the worker starts; jobs carry only stored bodies.
// Nothing here logs: an error becomes the job's reason, which never holds decrypted data.
import { workerData } from "node:worker_threads";
import { serveWorkerJobs } from "@/lib/process/serve-worker-jobs.mjs";
import { openSubject, type StoredBody } from "./open-subject";
import { movableBuffers } from "./subject-transfer";
import { subjectKeysFromWorkerData } from "./subject-worker-data";

const keys = subjectKeysFromWorkerData(workerData);

serveWorkerJobs((job: StoredBody) => openSubject(job, keys), movableBuffers);
