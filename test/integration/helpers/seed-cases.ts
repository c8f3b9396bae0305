// Seeds review-ready cases directly, for tests of what happens after intake (assignment, decisions, outbox).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import { hashPassword } from "@/lib/auth/password";
import { loadUser, type SessionUser } from "@/lib/auth/load-user";
import type { Role } from "@/lib/auth/permissions";

export async function seedReadyCase(
  prisma: PrismaClient,
  opts: { kind?: "ADJUDICATION" | "VERIFICATION"; candidates?: number; deadlineAt?: Date; referenceId?: string } = {},
) {
  const kind = opts.kind ?? "ADJUDICATION";
  const n = kind === "ADJUDICATION" ? (opts.candidates ?? 2) : 0;
  const rid =
    opts.referenceId ??
    `10001${Math.floor(Math.random() * 1e15)
      .toString()
      .padStart(15, "0")}`;
  return prisma.case.create({
    data: {
      requestId: randomUUID(),
      referenceId: rid,
      kind,
      state: "READY",
      applicantDataStatus: "AVAILABLE",
      candidateCount: n,
      deadlineAt: opts.deadlineAt ?? null,
      candidates: {
        create: Array.from({ length: n }, (_, i) => ({
          referenceId: `${rid.slice(0, -2)}${String(90 + i)}`,
          position: i,
          dataStatus: "AVAILABLE" as const,
        })),
      },
    },
    include: { candidates: { orderBy: { position: "asc" } } },
  });
}

let seq = 0;
export async function seedUser(
  prisma: PrismaClient,
  roles: Role[],
  extra: { canPrimary?: boolean; canSecondary?: boolean; caseCap?: number } = {},
): Promise<SessionUser> {
  const u = await prisma.user.create({
    data: {
      username: `${roles[0].toLowerCase()}${++seq}-${randomUUID().slice(0, 4)}`,
      passwordHash: await hashPassword("seeded-password-1"),
      ...extra,
      roles: { create: roles.map((role) => ({ role })) },
    },
  });
  return (await loadUser(prisma, u.id))!;
}
