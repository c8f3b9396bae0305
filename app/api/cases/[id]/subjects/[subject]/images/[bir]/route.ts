import { apiRoute } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { imageResponse } from "@/lib/biometrics/image-response";
import { authorizeCaseRead } from "@/lib/cases/authorize-case-read";
import { renderSubjectImage } from "@/lib/cases/render-subject-image";

export const dynamic = "force-dynamic";

// The gate checks the session and the params; imageResponse runs the case-access check before any decode.
export const GET = apiRoute(operations.getSubjectImage, async ({ db, user, params, query }) =>
  imageResponse({
    authorize: () => authorizeCaseRead(db.prisma, user, params.id, params.subject, "images"),
    load: () => renderSubjectImage(db.prisma, params.id, params.subject, params.bir, query.variant),
  }),
);
