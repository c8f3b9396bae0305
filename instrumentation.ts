// Boots the app before the first request: environment check, migrations, permissions, first users.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ready } = await import("@/lib/boot/boot-app");
  try {
    await ready();
  } catch (e) {
    const { EnvError } = await import("@/lib/env/env-schema");
    console.error(e instanceof EnvError ? e.message : `[mas] start-up failed: ${(e as Error).message}`);
    process.exit(1);
  }
}
