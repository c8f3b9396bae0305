import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { authorizeCaseRead } from "@/lib/cases/authorize-case-read";
import { subjectThumbnailsAnswer } from "@/lib/cases/subject-thumbnails";

export const dynamic = "force-dynamic";

// The same access check and audit as each image (authorizeCaseRead) before anything is decrypted or decoded.
export const GET = apiRoute(operations.getSubjectThumbnails, async ({ db, user, params }) => {
  await authorizeCaseRead(db.prisma, user, params.id, params.subject, "images");
  return json(await subjectThumbnailsAnswer(db.prisma, params.id, params.subject));
});
