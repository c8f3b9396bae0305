import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { isPermission, type Permission, type Role } from "./permissions";

export interface SessionUser {
  id: string;
  username: string;
  displayName: string | null;
  roles: Role[];
  permissions: Permission[];
  canPrimary: boolean;
  canSecondary: boolean;
  /** An admin chose the password: until the user picks their own, the API answers 403 password_change_required. */
  mustChangePassword: boolean;
  authSource: "LOCAL" | "OIDC";
  /** The language chosen for the screens (ISO 639-3), or null to follow the browser. */
  uiLanguage: string | null;
}

/**
 * What a session token holds besides the user id: the user's session version when it was issued (a password
 * reset or change, a role change or a deactivation bumps it) and the sign-in time, in seconds, for the
 * absolute lifetime. Older tokens without them are dead.
 */
export interface SessionClaims {
  uid?: string;
  sv?: number;
  sat?: number;
}

export interface SessionPolicy {
  maxHours: number;
}

/**
 * The signed-in user as the database has them now. Roles and permissions are read on every request,
 * so a role change, a permission edit or a deactivation takes effect at once, not at the next sign-in.
 */
export async function loadUser(prisma: PrismaClient, id: string): Promise<SessionUser | null> {
  const user = await prisma.user.findUnique({ where: { id }, include: { roles: true } });
  if (!user?.active) return null;
  const roles = user.roles.map((r) => r.role as Role);
  const grants = roles.length ? await prisma.rolePermission.findMany({ where: { role: { in: roles } } }) : [];
  const permissions = [...new Set(grants.map((g) => g.permission).filter(isPermission))].sort();
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    permissions,
    canPrimary: user.canPrimary,
    canSecondary: user.canSecondary,
    mustChangePassword: user.mustChangePassword,
    authSource: user.authSource,
    uiLanguage: user.uiLanguage,
  };
}

/** The claims a new session starts with, read when the user has just been let in. */
export async function issueSessionClaims(prisma: PrismaClient, id: string, now = new Date()): Promise<SessionClaims> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } });
  return { uid: id, sv: user.sessionVersion, sat: Math.floor(now.getTime() / 1000) };
}

/**
 * The user of a session token, or null when the session is over: older than the absolute lifetime, or issued
 * before the user's last password reset or change, role change or deactivation. Checked on every request.
 */
export async function loadSessionUser(
  prisma: PrismaClient,
  claims: SessionClaims,
  policy: SessionPolicy,
  now = new Date(),
): Promise<SessionUser | null> {
  if (typeof claims.uid !== "string" || typeof claims.sv !== "number" || typeof claims.sat !== "number") return null;
  if (now.getTime() - claims.sat * 1000 > policy.maxHours * 3_600_000) return null;
  const row = await prisma.user.findUnique({ where: { id: claims.uid }, select: { sessionVersion: true } });
  if (!row || row.sessionVersion !== claims.sv) return null;
  return loadUser(prisma, claims.uid);
}
