import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { RetentionPeriods } from "@/lib/env/env-schema";
import { purgeAnswerRecords } from "./purge-answer-records";
import { purgeDatashares } from "./purge-datashares";
import { purgeInboxBodies } from "./purge-inbox-bodies";

/** One pass of every retention rule, each with its own period; returns a log line's worth of counts. */
export async function runRetention(prisma: PrismaClient, periods: RetentionPeriods, now = new Date()): Promise<string[]> {
  const lines: string[] = [];
  const cases = [
    ["answered", periods.answeredDays],
    ["superseded", periods.supersededDays],
    ["dataUnavailable", periods.dataUnavailableDays],
    ["unsentAnswer", periods.unsentAnswerDays],
  ] as const;
  for (const [kind, days] of cases) {
    const r = await purgeDatashares(prisma, { kind, retentionDays: days, now });
    if (r.downloads) lines.push(`${r.downloads} datashare(s) of ${r.cases} ${kind} case(s) older than ${days} days`);
  }
  for (const [kind, days] of [
    ["inbox", periods.inboxDays],
    ["intakeErrors", periods.intakeErrorDays],
  ] as const) {
    const n = await purgeInboxBodies(prisma, { kind, retentionDays: days, now });
    if (n) lines.push(`${n} ${kind === "inbox" ? "request" : "intake error"} bod${n === 1 ? "y" : "ies"} older than ${days} days`);
  }
  const a = await purgeAnswerRecords(prisma, { retentionDays: periods.answerRecordDays, now });
  if (a.cases)
    lines.push(
      `${a.comments} comment(s), ${a.reviewNotes} sample-review note(s) and ${a.outboxBodies} response bod(ies) of ${a.cases} case(s) answered over ${periods.answerRecordDays} days ago`,
    );
  return lines;
}
