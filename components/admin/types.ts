export type RoleName = "OPERATOR" | "SUPERVISOR" | "ADMIN";
export const ROLES: RoleName[] = ["OPERATOR", "SUPERVISOR", "ADMIN"];

export interface UserRow {
  id: string;
  username: string;
  displayName: string | null;
  roles: RoleName[];
  active: boolean;
  canPrimary: boolean;
  canSecondary: boolean;
  authSource: "LOCAL" | "OIDC";
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}
