import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { UserView } from "./user-schemas";
import { toUserView } from "./to-user-view";

export async function listUsers(prisma: PrismaClient): Promise<UserView[]> {
  const users = await prisma.user.findMany({ include: { roles: true }, orderBy: { username: "asc" } });
  return users.map((u) => toUserView(u));
}

export async function getUser(prisma: PrismaClient, id: string): Promise<UserView | null> {
  const u = await prisma.user.findUnique({ where: { id }, include: { roles: true } });
  return u ? toUserView(u) : null;
}
