/**
 * Where to go after sign-in: the callbackUrl only if it resolves to a page of this app, as a path. Resolving
 * it as the browser will (a backslash counts as a slash, so "/\evil.example" means "//evil.example") is what
 * keeps a link to the sign-in page from sending a freshly signed-in officer to another site.
 */
export function safeCallbackPath(value: string | null | undefined, origin: string): string {
  if (!value) return "/";
  let target: URL;
  try {
    target = new URL(value, origin);
  } catch {
    return "/";
  }
  if (target.origin !== new URL(origin).origin) return "/";
  // A path that begins with two slashes would be read as another host when used as a link.
  if (target.pathname.startsWith("//")) return "/";
  return `${target.pathname}${target.search}${target.hash}`;
}
