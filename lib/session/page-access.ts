import "server-only";
import { redirect } from "next/navigation";
import { getCurrentUser } from "./current-user";
import type { SessionUser } from "@/lib/auth/load-user";
import type { Permission } from "@/lib/auth/permissions";

export type PageAccess = { allowed: true; user: SessionUser } | { allowed: false; user: SessionUser; needs: Permission };

/**
 * The check every page makes on the server: no session → the sign-in page; a session without the
 * permission → the page renders <NotAllowed/>.
 */
export async function pageAccess(permission: Permission | null, returnTo: string): Promise<PageAccess> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (permission && !user.permissions.includes(permission)) return { allowed: false, user, needs: permission };
  return { allowed: true, user };
}
