import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { AppEnv } from "@/lib/env/env-schema";
import { hashPassword, randomPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Role } from "@/lib/auth/permissions";

export const DEMO_SETTING = "demo";

const DEMO_USERS: { username: string; displayName: string; roles: Role[] }[] = [
  { username: "admin", displayName: "Demo admin", roles: ["ADMIN"] },
  { username: "supervisor", displayName: "Demo supervisor", roles: ["SUPERVISOR"] },
  { username: "operator1", displayName: "Demo operator 1", roles: ["OPERATOR"] },
  { username: "operator2", displayName: "Demo operator 2", roles: ["OPERATOR"] },
];

export type BootstrapResult =
  | { kind: "existing" }
  | { kind: "admin"; username: string }
  | { kind: "demo"; credentials: { username: string; password: string; roles: Role[] }[] };

/** Makes sure an active admin exists: from MAS_ADMIN_*, or, on the embedded default, demo users. */
export async function bootstrapUsers(prisma: PrismaClient, env: AppEnv): Promise<BootstrapResult> {
  const realData = env.production || env.realData;
  // Demo accounts have passwords that were printed to a log: they must never reach real applicants' data.
  if (realData && (await prisma.setting.findUnique({ where: { key: DEMO_SETTING } }))?.value === true) {
    throw new Error(
      "This database was made in demo mode (demo users, simulated cases), but MAS_MODE=production or MOSIP_QUEUE_URL is set. " +
        "Start production on a new database (another DATABASE_URL or MAS_DATA_DIR).",
    );
  }
  const admins = await prisma.user.count({ where: { active: true, roles: { some: { role: "ADMIN" } } } });
  if (admins > 0) return { kind: "existing" };

  if (env.admin) {
    const { username, password } = env.admin;
    const passwordHash = await hashPassword(password);
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.upsert({
        where: { username },
        // The operator chose this password and it sits in the environment: the admin picks their own at first sign-in.
        create: {
          username,
          displayName: "Administrator",
          passwordHash,
          mustChangePassword: true,
          roles: { create: [{ role: "ADMIN" }] },
        },
        update: {
          passwordHash,
          active: true,
          failedLoginCount: 0,
          lockedUntil: null,
          mustChangePassword: true,
          sessionVersion: { increment: 1 },
        },
      });
      await tx.userRole.upsert({
        where: { userId_role: { userId: user.id, role: "ADMIN" } },
        create: { userId: user.id, role: "ADMIN" },
        update: {},
      });
      await recordAudit(tx, { actor: null, action: "bootstrap.admin", targetType: "user", targetId: user.id });
    });
    return { kind: "admin", username };
  }

  if (env.database.kind === "pglite" && !realData) {
    const credentials: { username: string; password: string; roles: Role[] }[] = [];
    for (const u of DEMO_USERS) credentials.push({ username: u.username, password: randomPassword(), roles: u.roles });
    const hashes = await Promise.all(credentials.map((c) => hashPassword(c.password)));
    await prisma.$transaction(async (tx) => {
      for (const [i, u] of DEMO_USERS.entries()) {
        const user = await tx.user.upsert({
          where: { username: u.username },
          create: {
            username: u.username,
            displayName: u.displayName,
            passwordHash: hashes[i],
            roles: { create: u.roles.map((role) => ({ role })) },
          },
          update: { passwordHash: hashes[i], active: true },
        });
        await recordAudit(tx, { actor: null, action: "bootstrap.demoUser", targetType: "user", targetId: user.id });
      }
      await tx.setting.upsert({ where: { key: DEMO_SETTING }, create: { key: DEMO_SETTING, value: true }, update: { value: true } });
    });
    return { kind: "demo", credentials };
  }

  throw new Error(
    "No active admin exists. Set MAS_ADMIN_USERNAME and MAS_ADMIN_PASSWORD and start again: the first admin is created from them.",
  );
}
