import "server-only";
import { ready } from "@/lib/boot/boot-app";
import { DEMO_SETTING } from "@/lib/users/bootstrap-users";

export async function isDemo(): Promise<boolean> {
  const { prisma } = await ready();
  const row = await prisma.setting.findUnique({ where: { key: DEMO_SETTING } });
  return row?.value === true;
}
