import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { authorizeCaseRead } from "@/lib/cases/authorize-case-read";
import { renderSubjectThumbnails } from "@/lib/cases/subject-thumbnails";

export const dynamic = "force-dynamic";

// The same access check and audit as each image (authorizeCaseRead) before anything is decrypted or decoded.
export const GET = apiRoute(operations.getSubjectThumbnails, async ({ db, user, params }) => {
  await authorizeCaseRead(db.prisma, user, params.id, params.subject, "images");
  const thumbnails = (await renderSubjectThumbnails(db.prisma, params.id, params.subject)) ?? [];
  return json({
    thumbnails: thumbnails.flatMap(({ birIndex, image }) =>
      image
        ? [
            {
              birIndex,
              mime: image.mime,
              data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).toString("base64"),
            },
          ]
        : [],
    ),
  });
});
