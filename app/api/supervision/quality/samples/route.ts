import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { listSampleQueue } from "@/lib/quality/list-sample-queue";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.sampleQueue, async ({ db }) => json({ samples: await listSampleQueue(db.prisma) }));
