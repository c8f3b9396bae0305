import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getEnv } from "@/lib/env/get-env";
import { chooseUiLanguage, directionOf, nativeNameOf, tagOf, UI_LANGUAGE_COOKIE } from "@/lib/i18n/ui-languages";
import { getCurrentUser } from "@/lib/session/current-user";

export interface UiLanguageChoice {
  /** ISO 639-3, as stored and offered (eng, fra, ara). */
  code: string;
  /** BCP 47, for <html lang>, Intl and next-intl (en, fr, ar). */
  tag: string;
  dir: "ltr" | "rtl";
  /** Every offered language with its own name, for the language menu. */
  offered: { code: string; tag: string; name: string }[];
}

/** This request's language of the screens: the officer's preference, else the cookie, else the browser's. */
export const uiLanguageOfRequest = cache(async (): Promise<UiLanguageChoice> => {
  const offered = getEnv().uiLanguages;
  const [user, jar, h] = await Promise.all([getCurrentUser(), cookies(), headers()]);
  const code = chooseUiLanguage(
    { preference: user?.uiLanguage, cookie: jar.get(UI_LANGUAGE_COOKIE)?.value, acceptLanguage: h.get("accept-language") },
    offered,
  );
  return {
    code,
    tag: tagOf(code) ?? code,
    dir: directionOf(code),
    offered: offered.map((c) => ({ code: c, tag: tagOf(c) ?? c, name: nativeNameOf(c) })),
  };
});
