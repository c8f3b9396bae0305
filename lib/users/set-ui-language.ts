import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * Saves the language of one's own screens. A display preference, not an adjudication or account-security change,
 * so no audit row (docs/decisions/0018).
 */
export async function setUiLanguage(prisma: PrismaClient, userId: string, language: string, offered: readonly string[]): Promise<void> {
  if (!offered.includes(language)) throw new DomainError("invalid", `language must be one of ${offered.join(", ")}`, "language");
  await prisma.user.update({ where: { id: userId }, data: { uiLanguage: language } });
}
