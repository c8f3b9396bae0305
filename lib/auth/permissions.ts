// The permissions the code checks. Which role holds which is data (RolePermission), edited by admins;
// DEFAULT_GRANTS is only what a new installation starts with.
export const PERMISSIONS = {
  "queue.own": "See and work on one's own queue of assigned cases",
  "cases.review": "Open assigned cases and record decisions",
  "cases.viewAll": "See every case and the whole queue",
  "cases.reassign": "Reassign or release cases",
  "cases.resolveConflict": "Resolve primary/secondary disagreements",
  "integration.view": "See the MOSIP inbox, intake errors, datashare failures and the outbox",
  "integration.operate": "Retry downloads and outbox messages, answer MOSIP with a resend",
  "users.read": "List users",
  "users.manage": "Create users, change their roles and eligibility, deactivate them, reset passwords",
  "roles.manage": "Change which permissions each role holds",
  "audit.read": "Read the audit log",
  "settings.manage": "Change adjudication settings",
  // Separate from cases.viewAll so a reporting account (Elasticsearch ingest) gets the anonymous profiles
  // without any access to cases and their personal data.
  "analytics.export": "Export the anonymous adjudication profiles (NDJSON for Elasticsearch/Kibana)",
  "quality.manage": "Set known-answer and sample-review rates, review sampled decisions, assign training cases",
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_NAMES = ["OPERATOR", "SUPERVISOR", "ADMIN"] as const;
export type Role = (typeof ROLE_NAMES)[number];

export const DEFAULT_GRANTS: Record<Role, Permission[]> = {
  OPERATOR: ["queue.own", "cases.review"],
  SUPERVISOR: [
    "queue.own",
    "cases.viewAll",
    "cases.reassign",
    "cases.resolveConflict",
    "integration.view",
    "analytics.export",
    "quality.manage",
  ],
  // Need to know: administering the system does not open anyone's case. An installation that wants admins to
  // supervise grants them cases.viewAll (or the SUPERVISOR role) explicitly.
  ADMIN: [
    "users.read",
    "users.manage",
    "roles.manage",
    "audit.read",
    "settings.manage",
    "integration.view",
    "integration.operate",
    "analytics.export",
  ],
};

// Admins must never be able to lock every admin out of the console by editing the ADMIN role.
export const ADMIN_LOCKOUT_GUARD: Permission[] = ["users.manage", "roles.manage"];

export function isPermission(v: string): v is Permission {
  return Object.hasOwn(PERMISSIONS, v);
}
