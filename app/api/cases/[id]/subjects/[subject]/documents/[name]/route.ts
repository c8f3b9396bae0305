import { apiRoute, STATUS_OF } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { authorizeCaseRead } from "@/lib/cases/authorize-case-read";
import { loadSubject } from "@/lib/cases/load-subject";
import { sniffDocumentType } from "@/lib/cases/sniff-document-type";
import { DomainError } from "@/lib/errors/domain-error";

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Cross-Origin-Resource-Policy": "same-origin" };

/** A verification document (image or PDF) shown inline to those allowed to see the case. */
export const GET = apiRoute(operations.getSubjectDocument, async ({ db: { prisma }, user, params }) => {
  try {
    await authorizeCaseRead(prisma, user, params.id, params.subject, "document");
  } catch (e) {
    const status = e instanceof DomainError ? STATUS_OF[e.code] : 500;
    return new Response(status === 403 ? "Forbidden" : "Not found", { status, headers });
  }
  const s = await loadSubject(prisma, params.id, params.subject);
  const doc = s.ok ? s.data.payload.documents?.[params.name] : null;
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
});
