import { ROLE_NAMES, type Role } from "./permissions";

/**
 * Reads MAS roles from an OpenID Connect claim given as a dotted path (Keycloak: realm_access.roles).
 * Accepts "OPERATOR" and Keycloak-style "mas-operator" / "MAS_OPERATOR" spellings; ignores everything else.
 */
export function rolesFromClaims(claims: Record<string, unknown>, path: string): Role[] {
  let node: unknown = claims;
  for (const key of path.split(".")) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  const values = Array.isArray(node) ? node : typeof node === "string" ? node.split(/[ ,]+/) : [];
  const roles = new Set<Role>();
  for (const v of values) {
    if (typeof v !== "string") continue;
    const name = v.toUpperCase().replace(/^MAS[-_]/, "");
    if ((ROLE_NAMES as readonly string[]).includes(name)) roles.add(name as Role);
  }
  return [...roles];
}
