// Boots the app before the first request: environment check, migrations, permissions, first users.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootOrExit } = await import("@/lib/boot/boot-or-exit");
  await bootOrExit();
}
