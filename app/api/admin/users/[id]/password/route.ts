import { apiRoute, json } from "@/lib/http/api-route";
import { resetPasswordBody, userIdParams } from "@/lib/users/user-schemas";
import { resetPassword } from "@/lib/users/reset-password";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { permission: "users.manage", params: userIdParams, body: resetPasswordBody },
  async ({ db, user, params, body }) => {
    await resetPassword(db.prisma, user, params.id, body.password);
    return json({ ok: true });
  },
);
