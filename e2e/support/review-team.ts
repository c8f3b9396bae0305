import { expect, request as newRequest, type APIRequestContext, type TestInfo } from "@playwright/test";
import { apiSignIn, createUserViaApi, server } from "./session";
import { caseCandidates, newReadyCases } from "./cases";

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

/**
 * A new adjudication case in CONFLICT: officer a calls candidate 1 a duplicate, officer b calls every
 * candidate not a duplicate. Returns the case id and its candidates' RIDs in gallery order.
 */
export async function conflictedCase(t: ReviewTeam, baseURL: string): Promise<{ id: string; rids: string[] }> {
  const [c] = await newReadyCases(t.admin, t.sup, { adjudications: 1 });
  const rids = await caseCandidates(t.db, c.id);
  const verdicts = (first: boolean) => ({ candidates: rids.map((r, i) => ({ referenceId: r, duplicate: first && i === 0 })) });
  await assignReview(t.sup, c.id, "PRIMARY", t.a.id);
  const apiA = await newRequest.newContext({ baseURL });
  await apiSignIn(apiA, t.a);
  expect((await apiA.post(`/api/cases/${c.id}/decision`, { data: { ...verdicts(true), comment: "same" } })).status()).toBe(200);
  await assignReview(t.sup, c.id, "SECONDARY", t.b.id);
  const apiB = await newRequest.newContext({ baseURL });
  await apiSignIn(apiB, t.b);
  expect(await (await apiB.post(`/api/cases/${c.id}/decision`, { data: { ...verdicts(false), comment: "different" } })).json()).toEqual({
    outcome: "CONFLICT",
  });
  await apiA.dispose();
  await apiB.dispose();
  return { id: c.id, rids };
}
