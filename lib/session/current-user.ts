import "server-only";
import { getServerSession } from "next-auth";
import { ready } from "@/lib/boot/boot-app";
import { getAuthOptions } from "./auth-options";
import { loadUser, type SessionUser } from "@/lib/auth/load-user";

/** The signed-in, active user with their current roles and permissions, or null. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const { prisma } = await ready();
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  return id ? loadUser(prisma, id) : null;
}
