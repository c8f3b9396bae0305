import { openApiDocument } from "@/lib/http/openapi";
import pkg from "@/package.json";

export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument(pkg.version));
}
