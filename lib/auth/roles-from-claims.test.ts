import { test } from "node:test";
import assert from "node:assert/strict";
import { rolesFromClaims } from "./roles-from-claims";

test("Keycloak realm roles map to MAS roles, other roles are ignored", () => {
  const claims = { realm_access: { roles: ["offline_access", "mas-operator", "MAS_SUPERVISOR", "uma_authorization"] } };
  assert.deepEqual(rolesFromClaims(claims, "realm_access.roles"), ["OPERATOR", "SUPERVISOR"]);
});

test("a missing claim gives no roles, so an admin must grant them", () => {
  assert.deepEqual(rolesFromClaims({ sub: "x" }, "realm_access.roles"), []);
  assert.deepEqual(rolesFromClaims({ groups: "admin operator" }, "groups"), ["ADMIN", "OPERATOR"]);
});
