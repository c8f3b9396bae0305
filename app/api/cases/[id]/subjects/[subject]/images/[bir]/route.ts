import { z } from "zod";
import { getCurrentUser } from "@/lib/session/current-user";
import { ready } from "@/lib/boot/boot-app";
import { imageResponse } from "@/lib/biometrics/image-response";
import { authorizeCaseRead } from "@/lib/cases/authorize-case-read";
import { renderSubjectImage } from "@/lib/cases/render-subject-image";

export const dynamic = "force-dynamic";

const params = z.object({
  id: z.uuid(),
  subject: z.union([z.literal("applicant"), z.uuid()]),
  bir: z.coerce.number().int().min(0).max(1000),
});
const variant = z.enum(["thumb", "full", "png"]).catch("thumb");

// Images are not JSON, so this route checks the session itself; the case-access check runs before any decode.
export async function GET(req: Request, ctx: { params: Promise<Record<string, string>> }) {
  const p = params.safeParse(await ctx.params);
  if (!p.success) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const { prisma } = await ready();
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first", { status: 401, headers: { "Cache-Control": "no-store" } });
  const v = variant.parse(new URL(req.url).searchParams.get("variant") ?? "thumb");
  return imageResponse({
    authorize: () => authorizeCaseRead(prisma, user, p.data.id, p.data.subject, "images"),
    load: () => renderSubjectImage(prisma, p.data.id, p.data.subject, p.data.bir, v),
  });
}
