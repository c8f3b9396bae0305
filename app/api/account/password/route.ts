import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { reissueSession } from "@/lib/session/reissue-session";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.changeOwnPassword, async ({ req, db, user, body }) => {
  const version = await changeOwnPassword(db.prisma, user, body);
  await reissueSession(req, version);
  return json({ ok: true });
});
