import "server-only";
import { redirect } from "next/navigation";
import { getCurrentUser } from "./current-user";
import type { SessionUser } from "@/lib/auth/load-user";
import type { Permission } from "@/lib/auth/permissions";

export const PASSWORD_PAGE = "/account/password";

export type PageAccess = { allowed: true; user: SessionUser } | { allowed: false; user: SessionUser; needs: Permission };

/**
 * The check every page makes on the server: no session → the sign-in page; a password an admin set and the
 * user has not changed yet → the password page; a session without the permission → the page renders <NotAllowed/>.
 */
export async function pageAccess(permission: Permission | null, returnTo: string): Promise<PageAccess> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  // The API answers nothing else either until then (lib/http/api-route.ts).
  if (user.mustChangePassword && returnTo !== PASSWORD_PAGE) redirect(PASSWORD_PAGE);
  if (permission && !user.permissions.includes(permission)) return { allowed: false, user, needs: permission };
  return { allowed: true, user };
}
