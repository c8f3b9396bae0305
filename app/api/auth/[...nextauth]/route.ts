import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/session/auth-options";
import { ready } from "@/lib/boot/boot-app";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  await ready();
  // next-auth 4 reads params synchronously; Next 16 hands them over as a promise.
  return NextAuth(req as never, { params: await ctx.params } as never, getAuthOptions());
}

// The operations served here are described in lib/http/operations/platform.ts (handledBy: "next-auth").
export { handler as GET, handler as POST };
