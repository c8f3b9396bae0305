import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { getEnv } from "@/lib/env/get-env";
import { UI_LANGUAGE_COOKIE } from "@/lib/i18n/ui-languages";
import { setUiLanguage } from "@/lib/users/set-ui-language";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(operations.setUiLanguage, async ({ db, user, body }) => {
  await setUiLanguage(db.prisma, user.id, body.language, getEnv().uiLanguages);
  const res = json({ ok: true, language: body.language });
  // A year: the sign-in page after sign-out speaks the officer's language too. Not a secret, so readable by scripts.
  res.cookies.set(UI_LANGUAGE_COOKIE, body.language, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return res;
});
