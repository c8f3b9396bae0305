import { defineConfig } from "prisma/config";

// Used by `prisma generate` only. Migrations are applied by lib/db/apply-migrations.ts at start-up,
// and a deployment with the native Prisma CLI may run `prisma migrate deploy` against the same folder.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
