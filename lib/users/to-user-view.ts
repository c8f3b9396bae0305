import type { Role } from "@/lib/auth/permissions";
import type { UserView } from "./user-schemas";

interface UserRow {
  id: string;
  username: string;
  displayName: string | null;
  active: boolean;
  canPrimary: boolean;
  canSecondary: boolean;
  authSource: "LOCAL" | "OIDC";
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  roles: { role: string }[];
}

/** What the API shows of a user: never the password hash or the failure counter. */
export function toUserView(u: UserRow, now = new Date()): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles.map((r) => r.role as Role).sort(),
    active: u.active,
    canPrimary: u.canPrimary,
    canSecondary: u.canSecondary,
    authSource: u.authSource,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
