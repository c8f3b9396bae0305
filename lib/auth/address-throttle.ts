import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";

export interface AddressThrottlePolicy {
  /** Failed sign-ins from one address within the window before its further attempts are refused. */
  limit: number;
  windowMinutes: number;
}

/**
 * Counts failed password sign-ins per source address in a sliding window, in the database so that every
 * instance sees the same count. A throttled address is refused before any password is checked; nobody else is
 * affected, and no account is locked by it (that is the per-account lock's business, with its two-minute cap for admins).
 */
export async function addressThrottled(
  prisma: PrismaClient,
  address: string,
  policy: AddressThrottlePolicy,
  now = new Date(),
): Promise<boolean> {
  return (await countRecentFailures(prisma, address, windowStart(policy, now))) >= policy.limit;
}

/** Records one failure; returns whether it brought the address to the limit. Rows older than the window go. */
export async function recordAddressFailure(
  prisma: PrismaClient,
  address: string,
  policy: AddressThrottlePolicy,
  now = new Date(),
): Promise<boolean> {
  const since = windowStart(policy, now);
  await prisma.signInFailure.create({ data: { address, at: now } });
  await prisma.signInFailure.deleteMany({ where: { at: { lte: since } } });
  return (await countRecentFailures(prisma, address, since)) === policy.limit;
}

function windowStart(policy: AddressThrottlePolicy, now: Date): Date {
  return new Date(now.getTime() - policy.windowMinutes * 60_000);
}

function countRecentFailures(prisma: PrismaClient, address: string, since: Date): Promise<number> {
  return prisma.signInFailure.count({ where: { address, at: { gt: since } } });
}
