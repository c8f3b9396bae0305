"use client";
import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/client/api-fetch";
import { errorMessageKey } from "@/lib/i18n/api-error-message";

/**
 * An error in the officer's language: an API error by its status, code and field (lib/i18n/api-error-message.ts),
 * a failed fetch as a network error; the server's own English text only for what has no message.
 */
export function useErrorText(): (e: unknown) => string {
  const t = useTranslations("errors");
  return (e) => {
    if (e instanceof TypeError) return t("network");
    const api = e instanceof ApiError ? e : null;
    const key = errorMessageKey(api);
    if (key === "invalidField" && api?.field) {
      const name = api.field.split(".")[0] ?? api.field;
      const label = t.has(`fields.${name}`) ? t(`fields.${name}` as never) : name;
      return t("invalidField", { field: label });
    }
    if (key) return t(key);
    return e instanceof Error ? e.message : String(e);
  };
}
