import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: {
      id: string;
      name?: string | null;
      username: string;
      roles: string[];
      permissions: string[];
      mustChangePassword: boolean;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The user's session version when the token was issued (lib/auth/load-user.ts). */
    sv?: number;
    /** Sign-in time, seconds since the epoch: the absolute lifetime counts from it. */
    sat?: number;
  }
}
