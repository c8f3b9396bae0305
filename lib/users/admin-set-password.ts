import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { DEMO_SETTING } from "./bootstrap-users";

/**
 * Whether a password an admin chose must be changed at the user's first sign-in: always, except in demo mode,
 * where the accounts hold no real data and a forced change would only get in the way of a first look.
 */
export async function mustChangeAdminSetPassword(tx: Pick<Prisma.TransactionClient, "setting">): Promise<boolean> {
  const demo = await tx.setting.findUnique({ where: { key: DEMO_SETTING } });
  return demo?.value !== true;
}
