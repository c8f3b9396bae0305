import { z } from "zod";

// Every environment variable the app reads. docs/configuration.md documents each one; keep them in step.
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const positiveInt = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: "custom", message: `must be a whole number above 0, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

export const envSchema = z
  .object({
    NODE_ENV: optionalString,
    // Set by scripts/start.mjs from the NODE_ENV the operator gave, because `next start` always forces NODE_ENV=production.
    MAS_DEPLOYMENT: z.enum(["production", "development"]).optional(),
    PORT: positiveInt(3000),
    DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "must be a PostgreSQL URL such as postgresql://user:password@host:5432/mas, or unset for the embedded database",
    }),
    MAS_DATA_DIR: optionalString,
    AUTH_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters (for example: openssl rand -base64 48)",
    }),
    NEXTAUTH_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), { message: "must be an http(s) URL" }),
    MAS_ADMIN_USERNAME: optionalString,
    MAS_ADMIN_PASSWORD: optionalString,
    MAS_SESSION_IDLE_MINUTES: positiveInt(30),
    MAS_LOCKOUT_THRESHOLD: positiveInt(5),
    MAS_LOCKOUT_MINUTES: positiveInt(15),
    MAS_OIDC_ISSUER: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), { message: "must be the issuer URL, e.g. https://keycloak.example/realms/mosip" }),
    MAS_OIDC_CLIENT_ID: optionalString,
    MAS_OIDC_CLIENT_SECRET: optionalString,
    MAS_OIDC_NAME: optionalString,
    MAS_OIDC_ROLES_CLAIM: optionalString,
  })
  .superRefine((env, ctx) => {
    const production = (env.MAS_DEPLOYMENT ?? (env.NODE_ENV === "production" ? "production" : "development")) === "production";
    if ((env.MAS_ADMIN_USERNAME === undefined) !== (env.MAS_ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({ code: "custom", path: ["MAS_ADMIN_PASSWORD"], message: "set MAS_ADMIN_USERNAME and MAS_ADMIN_PASSWORD together" });
    }
    if (env.MAS_ADMIN_PASSWORD !== undefined && env.MAS_ADMIN_PASSWORD.length < 12) {
      ctx.addIssue({ code: "custom", path: ["MAS_ADMIN_PASSWORD"], message: "must be at least 12 characters" });
    }
    if (production && env.AUTH_SECRET === undefined) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (for example: openssl rand -base64 48)" });
    }
    if (production && env.MAS_ADMIN_PASSWORD === undefined) {
      ctx.addIssue({ code: "custom", path: ["MAS_ADMIN_PASSWORD"], message: "is required in production, with MAS_ADMIN_USERNAME: the first admin is created from them" });
    }
    const oidc = [env.MAS_OIDC_ISSUER, env.MAS_OIDC_CLIENT_ID, env.MAS_OIDC_CLIENT_SECRET];
    if (oidc.some((v) => v !== undefined) && oidc.some((v) => v === undefined)) {
      ctx.addIssue({ code: "custom", path: ["MAS_OIDC_ISSUER"], message: "OpenID Connect needs MAS_OIDC_ISSUER, MAS_OIDC_CLIENT_ID and MAS_OIDC_CLIENT_SECRET together" });
    }
  });

export type RawEnv = z.output<typeof envSchema>;

export interface AppEnv {
  production: boolean;
  port: number;
  database: { kind: "postgresql"; url: string } | { kind: "pglite"; dir: string };
  dataDir: string;
  authSecret: string | undefined;
  admin: { username: string; password: string } | undefined;
  sessionIdleMinutes: number;
  lockout: { threshold: number; minutes: number };
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string; rolesClaim: string } | undefined;
}

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The environment is not valid. Fix these and start again:\n${problems.map((p) => `  - ${p}`).join("\n")}\n(see docs/configuration.md)`);
    this.name = "EnvError";
  }
}

/** Pure: validates a process.env-like record and shapes it for the app. Throws EnvError naming every problem. */
export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const r = envSchema.safeParse(source);
  if (!r.success) {
    throw new EnvError(r.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
  }
  const e = r.data;
  const dataDir = e.MAS_DATA_DIR ?? "./data";
  return {
    production: (e.MAS_DEPLOYMENT ?? (e.NODE_ENV === "production" ? "production" : "development")) === "production",
    port: e.PORT,
    database: e.DATABASE_URL ? { kind: "postgresql", url: e.DATABASE_URL } : { kind: "pglite", dir: `${dataDir}/pglite` },
    dataDir,
    authSecret: e.AUTH_SECRET,
    admin: e.MAS_ADMIN_USERNAME && e.MAS_ADMIN_PASSWORD ? { username: e.MAS_ADMIN_USERNAME, password: e.MAS_ADMIN_PASSWORD } : undefined,
    sessionIdleMinutes: e.MAS_SESSION_IDLE_MINUTES,
    lockout: { threshold: e.MAS_LOCKOUT_THRESHOLD, minutes: e.MAS_LOCKOUT_MINUTES },
    oidc:
      e.MAS_OIDC_ISSUER && e.MAS_OIDC_CLIENT_ID && e.MAS_OIDC_CLIENT_SECRET
        ? {
            issuer: e.MAS_OIDC_ISSUER,
            clientId: e.MAS_OIDC_CLIENT_ID,
            clientSecret: e.MAS_OIDC_CLIENT_SECRET,
            name: e.MAS_OIDC_NAME ?? "Keycloak",
            rolesClaim: e.MAS_OIDC_ROLES_CLAIM ?? "realm_access.roles",
          }
        : undefined,
  };
}
