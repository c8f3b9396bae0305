import { getRequestConfig } from "next-intl/server";
import { uiLanguageOfRequest } from "./ui-language";

/**
 * next-intl's per-request configuration (found by the plugin in next.config.ts). No locale in the URL: the
 * language is the officer's preference, else the cookie, else the browser's (docs/decisions/0018).
 */
export default getRequestConfig(async () => {
  const { code, tag } = await uiLanguageOfRequest();
  let messages: Record<string, unknown>;
  try {
    messages = (await import(`../messages/${code}.json`)).default;
  } catch {
    throw new Error(`MAS_UI_LANGUAGES offers "${code}" but messages/${code}.json does not exist: add it or remove the code`);
  }
  return { locale: tag, messages };
});
