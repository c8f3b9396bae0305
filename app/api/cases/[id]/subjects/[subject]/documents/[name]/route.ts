import { z } from "zod";
import { getCurrentUser } from "@/lib/session/current-user";
import { ready } from "@/lib/boot/boot-app";
import { authorizeCaseRead } from "@/lib/cases/authorize-case-read";
import { loadSubject } from "@/lib/cases/load-subject";
import { sniffDocumentType } from "@/lib/cases/sniff-document-type";
import { DomainError } from "@/lib/errors/domain-error";
import { STATUS_OF } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.uuid(), subject: z.union([z.literal("applicant"), z.uuid()]), name: z.string().min(1).max(128) });
const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Cross-Origin-Resource-Policy": "same-origin" };

/** A verification document (image or PDF) shown inline to those allowed to see the case. */
export async function GET(_req: Request, ctx: { params: Promise<Record<string, string>> }) {
  const p = params.safeParse(await ctx.params);
  if (!p.success) return new Response("Not found", { status: 404, headers });
  const { prisma } = await ready();
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first", { status: 401, headers });
  try {
    await authorizeCaseRead(prisma, user, p.data.id, p.data.subject, "document");
  } catch (e) {
    const status = e instanceof DomainError ? STATUS_OF[e.code] : 500;
    return new Response(status === 403 ? "Forbidden" : "Not found", { status, headers });
  }
  const s = await loadSubject(prisma, p.data.id, p.data.subject);
  const doc = s.ok ? s.data.payload.documents?.[p.data.name] : null;
  if (!doc) return new Response("Not found", { status: 404, headers });
  // Only types a browser shows safely inline; anything else downloads as bytes.
  const type = sniffDocumentType(doc);
  return new Response(new Uint8Array(doc), {
    headers: {
      ...headers,
      "Content-Type": type ?? "application/octet-stream",
      "Content-Disposition": type ? "inline" : "attachment",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
