import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { recordSampleReview } from "@/lib/quality/record-sample-review";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.reviewSample, async ({ db, user, params, body }) =>
  json(await recordSampleReview(db.prisma, user, params.id, body)),
);
