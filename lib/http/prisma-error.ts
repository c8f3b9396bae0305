import { HttpError } from "./http-error";

/** Maps the Prisma errors a client can cause to HTTP answers; anything else stays a 500. */
export function prismaErrorToHttp(e: unknown): HttpError | null {
  if (!e || typeof e !== "object" || !("code" in e)) return null;
  const code = (e as { code?: string }).code;
  const target = (e as { meta?: { target?: unknown } }).meta?.target;
  const field = Array.isArray(target) ? String(target[0]) : typeof target === "string" ? target : undefined;
  if (code === "P2002") return new HttpError(409, `${field ?? "value"} is already taken`, field);
  if (code === "P2025") return new HttpError(404, "not found");
  return null;
}
