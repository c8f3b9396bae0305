import { DomainError } from "@/lib/errors/domain-error";

/** The Prisma errors a client can cause, as domain errors; anything else stays unexpected (a 500). */
export function prismaErrorToDomain(e: unknown): DomainError | null {
  if (!e || typeof e !== "object" || !("code" in e)) return null;
  const code = (e as { code?: string }).code;
  const target = (e as { meta?: { target?: unknown } }).meta?.target;
  const field = Array.isArray(target) ? String(target[0]) : typeof target === "string" ? target : undefined;
  if (code === "P2002") return new DomainError("conflict", `${field ?? "value"} is already taken`, field);
  if (code === "P2025") return new DomainError("not_found", "not found");
  return null;
}
