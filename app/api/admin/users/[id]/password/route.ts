import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { resetPassword } from "@/lib/users/reset-password";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.resetPassword, async ({ db, user, params, body }) => {
  await resetPassword(db.prisma, user, params.id, body.password);
  return json({ ok: true });
});
