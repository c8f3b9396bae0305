import { createUserBody } from "@/lib/users/user-schemas";
import { resetPasswordBody } from "@/lib/users/user-schemas";
import { updateUserBody } from "@/lib/users/user-schemas";
import { userIdParams } from "@/lib/users/user-schemas";
import { roleParams } from "@/lib/auth/role-permissions";
import { setRolePermissionsBody } from "@/lib/auth/role-permissions";
import { auditQuery } from "@/lib/audit/list-audit";
import { adjudicationSettingsSchema } from "@/lib/settings/adjudication-settings";
import { guardSettingsUpdate } from "@/lib/settings/guard-settings";
import { comparisonAidSettingsSchema } from "@/lib/settings/comparison-aid-settings";
import { operation } from "../operation";

const USER = { $ref: "#/components/schemas/User" };

/** The admin console: users, roles, the audit log and the adjudication settings. */
export const adminOperations = {
  listUsers: operation({
    method: "GET",
    path: "/api/admin/users",
    permission: "users.read",
    summary: "List users",
    response: { status: 200, schema: { type: "object", properties: { users: { type: "array", items: USER } } } },
  }),
  createUser: operation({
    method: "POST",
    path: "/api/admin/users",
    permission: "users.manage",
    summary: "Create a user (409 if the username is taken)",
    body: createUserBody,
    response: { status: 201, schema: USER },
  }),
  getUser: operation({
    method: "GET",
    path: "/api/admin/users/{id}",
    permission: "users.read",
    summary: "One user",
    params: userIdParams,
    response: { status: 200, schema: USER },
  }),
  updateUser: operation({
    method: "PATCH",
    path: "/api/admin/users/{id}",
    permission: "users.manage",
    summary: "Change roles, primary/secondary eligibility, name, case cap (caseCap, null = the default); deactivate, reactivate or unlock",
    params: userIdParams,
    body: updateUserBody,
    response: { status: 200, schema: USER },
  }),
  resetPassword: operation({
    method: "POST",
    path: "/api/admin/users/{id}/password",
    permission: "users.manage",
    summary: "Reset a user's password (also lifts a lockout)",
    params: userIdParams,
    body: resetPasswordBody,
    response: { status: 200 },
  }),
  listRoles: operation({
    method: "GET",
    path: "/api/admin/roles",
    permission: "roles.manage",
    summary: "Every role with its permissions, and the list of permissions",
    response: { status: 200 },
  }),
  setRolePermissions: operation({
    method: "PUT",
    path: "/api/admin/roles/{role}",
    permission: "roles.manage",
    summary: "Replace the permissions a role holds",
    params: roleParams,
    body: setRolePermissionsBody,
    response: { status: 200 },
  }),
  listAudit: operation({
    method: "GET",
    path: "/api/admin/audit",
    permission: "audit.read",
    summary: "The audit log, newest first",
    query: auditQuery,
    response: { status: 200 },
  }),
  getSettings: operation({
    method: "GET",
    path: "/api/admin/settings",
    permission: "settings.manage",
    summary:
      "Adjudication settings (secondary review, default cap, deadline warning, verification reject value), their defaults and each reviewer's own cap",
    response: { status: 200 },
  }),
  updateSettings: operation({
    method: "PUT",
    path: "/api/admin/settings",
    permission: "settings.manage",
    summary:
      "Replace the adjudication settings; the change (old → new values) is audited. Per-operator caps: PATCH /api/admin/users/{id} with caseCap",
    body: adjudicationSettingsSchema,
    response: { status: 200 },
  }),
  getGuardSettings: operation({
    method: "GET",
    path: "/api/admin/settings/guards",
    permission: "settings.manage",
    summary:
      "Fatigue and haste guards (continuous work before a break, break length, cases per hour and per day, minimum dwell time) and their defaults; docs/guards.md",
    response: { status: 200 },
  }),
  updateGuardSettings: operation({
    method: "PUT",
    path: "/api/admin/settings/guards",
    permission: "settings.manage",
    summary: "Change fatigue and haste guards (those left out keep their stored values); the change (old → new values) is audited",
    body: guardSettingsUpdate,
    response: { status: 200 },
  }),
  getComparisonAidSettings: operation({
    method: "GET",
    path: "/api/admin/settings/comparison-aid",
    permission: "settings.manage",
    summary:
      "Thresholds of the fingerprint comparison aid (match score, strong score, strong fingers that flag a rejection) and their defaults",
    response: { status: 200 },
  }),
  updateComparisonAidSettings: operation({
    method: "PUT",
    path: "/api/admin/settings/comparison-aid",
    permission: "settings.manage",
    summary: "Replace the comparison aid's thresholds; the change (old → new values) is audited",
    body: comparisonAidSettingsSchema,
    response: { status: 200 },
  }),
};
