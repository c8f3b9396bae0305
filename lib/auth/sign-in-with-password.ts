import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyCredentials, type CredentialsResult, type LockoutPolicy } from "./verify-credentials";
import { addressThrottled, recordAddressFailure, type AddressThrottlePolicy } from "./address-throttle";

export type PasswordSignInResult = CredentialsResult | { ok: false; reason: "throttled" };

/**
 * A username-and-password sign-in from a source address: refused at once while the address is throttled,
 * otherwise checked (verify-credentials.ts: per-account lock, same answer for every wrong case), and a wrong
 * password or unknown user counts against the address.
 */
export async function signInWithPassword(
  prisma: PrismaClient,
  attempt: { username: string; password: string; address: string },
  policy: { lockout: LockoutPolicy; address: AddressThrottlePolicy },
  now = new Date(),
): Promise<PasswordSignInResult> {
  if (await addressThrottled(prisma, attempt.address, policy.address, now)) return { ok: false, reason: "throttled" };
  const r = await verifyCredentials(prisma, attempt.username, attempt.password, policy.lockout, now);
  if (!r.ok && r.reason === "invalid" && (await recordAddressFailure(prisma, attempt.address, policy.address, now))) {
    // Once per throttling, without the address: the audit log holds ids, not network data.
    await recordAudit(prisma, { actor: null, action: "signin.addressThrottled", details: { limit: policy.address.limit } });
  }
  return r;
}
