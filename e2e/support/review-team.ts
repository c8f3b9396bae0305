import { expect, request as newRequest, type APIRequestContext, type TestInfo } from "@playwright/test";
import { apiSignIn, createUserViaApi, server } from "./session";

export interface Officer {
  username: string;
  password: string;
  id: string;
}

/** A fresh supervisor and two operators on the PostgreSQL server, with signed-in API contexts for admin and supervisor. */
export interface ReviewTeam {
  admin: APIRequestContext;
  sup: APIRequestContext;
  supUser: Officer;
  a: Officer;
  b: Officer;
  db: string;
}

export async function reviewTeam(baseURL: string, info: TestInfo): Promise<ReviewTeam> {
  const s = server(info);
  const admin = await newRequest.newContext({ baseURL });
  await apiSignIn(admin, s.admin);
  const supUser = await createUserViaApi(admin, ["SUPERVISOR"]);
  const sup = await newRequest.newContext({ baseURL });
  await apiSignIn(sup, supUser);
  const a = await createUserViaApi(admin, ["OPERATOR"]);
  const b = await createUserViaApi(admin, ["OPERATOR"]);
  return { admin, sup, supUser, a, b, db: s.databaseUrl! };
}

/** Places a review with a known officer through the supervisor's reassignment. */
export async function assignReview(sup: APIRequestContext, caseId: string, level: "PRIMARY" | "SECONDARY", userId: string): Promise<void> {
  const r = await sup.post(`/api/cases/${caseId}/reassign`, { data: { level, userId, reason: "e2e: hand the review to a known officer" } });
  // The automatic choice of secondary may already have picked this officer.
  if (r.status() === 409 && /already assigned to that user/.test(await r.text())) return;
  expect(r.status(), await r.text()).toBe(200);
}
