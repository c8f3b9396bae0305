import { z } from "zod";
import { FINGER_POSITIONS } from "@/lib/biometrics/positions";
import { caseIdParams } from "@/lib/cases/case-params";
import { decisionRequest } from "@/lib/cases/decision-input";
import { listCasesQuery } from "@/lib/cases/list-cases";
import { reassignBody } from "@/lib/cases/reassign-case";
import { operation } from "../operation";

const BINARY = { type: "string", format: "binary" };
const subject = z.union([z.literal("applicant"), z.uuid()]);
const imageParams = z.object({ id: z.uuid(), subject, bir: z.coerce.number().int().min(0).max(1000) });
// An unknown variant is a thumbnail, never a 400: an <img> has no use for an error body.
const imageQuery = z.object({ variant: z.enum(["thumb", "full", "png"]).catch("thumb") });
const fingerPairParams = z.object({ id: z.uuid(), candidate: z.uuid(), position: z.enum(FINGER_POSITIONS) });
const subjectParams = z.object({ id: z.uuid(), subject });
const documentParams = z.object({ id: z.uuid(), subject, name: z.string().min(1).max(128) });

/** Queues, the comparison view and the decisions of operators and supervisors. */
export const caseOperations = {
  listCases: operation({
    method: "GET",
    path: "/api/cases",
    permission: "signedIn",
    summary:
      "The caller's queue (scope=mine) or every case (scope=all, needs cases.viewAll), filtered by state, kind, operator, age or exact RID (a RID search is audited)",
    query: listCasesQuery,
    response: { status: 200 },
  }),
  claimNextCase: operation({
    method: "POST",
    path: "/api/cases/next",
    permission: "cases.review",
    summary:
      "Next case: the most urgent case waiting for the caller, else claim one they may take within their cap ({caseId: null} when none); at a work limit no new case is claimed (409 work_limit_reached, with limit and resumeAt)",
    response: { status: 200 },
  }),
  ownWorkStatus: operation({
    method: "GET",
    path: "/api/cases/work-status",
    permission: "cases.review",
    summary:
      "The caller's own work against the fatigue limits: decisions in the last hour and 24 hours, minutes of continuous work, the limits in force, near (80%) and the limit reached with resumeAt (docs/guards.md)",
    response: { status: 200 },
  }),
  getCase: operation({
    method: "GET",
    path: "/api/cases/{id}",
    permission: "signedIn",
    summary:
      "The comparison view of a case (demographics, biometric grid, documents), decrypted in memory; only for its current assignee or a supervisor (403 otherwise, audited as a refusal); a supervisor sees earlier decisions only at CONFLICT or once the case is closed; audited",
    params: caseIdParams,
    response: { status: 200 },
  }),
  recordDecision: operation({
    method: "POST",
    path: "/api/cases/{id}/decision",
    permission: "signedIn",
    summary:
      "Record the caller's decision at the level the case waits for (primary, secondary, or a supervisor's resolution of a conflict): verdicts per candidate, cannotAdjudicate (MOSIP resend), or approve true/false for a verification case. Sooner than the case's minimum dwell time it is refused (409 haste_confirmation_required, with requiredSeconds and elapsedSeconds) unless hasteConfirmed is true; a confirmed hasty decision is flagged for sample review",
    params: caseIdParams,
    body: decisionRequest,
    response: {
      status: 200,
      schema: {
        type: "object",
        properties: {
          outcome: { type: "string", enum: ["AWAITING_SECONDARY", "DECIDED", "CONFLICT"] },
          feedback: {
            description: "Training cases only, for their trainee: whether the decision was right, and the truth per candidate",
            type: "object",
            properties: {
              correct: { type: "boolean" },
              truth: {
                type: "array",
                items: { type: "object", properties: { referenceId: { type: "string" }, duplicate: { type: "boolean" } } },
              },
            },
          },
        },
      },
    },
  }),
  reassignCase: operation({
    method: "POST",
    path: "/api/cases/{id}/reassign",
    permission: "cases.reassign",
    summary: "Give the review a case waits for to another eligible operator, with a reason; the previous assignee loses access at once",
    params: caseIdParams,
    body: reassignBody,
    response: { status: 200 },
  }),
  getSubjectImage: operation({
    method: "GET",
    path: "/api/cases/{id}/subjects/{subject}/images/{bir}",
    permission: "signedIn",
    summary: "One biometric as an image (variant=thumb|full|png), Cache-Control: no-store; same access rule as the case",
    params: imageParams,
    query: imageQuery,
    response: { status: 200, description: "the image", mediaTypes: ["image/webp", "image/png", "image/jpeg"], schema: BINARY },
  }),
  getFingerPairMinutiae: operation({
    method: "GET",
    path: "/api/cases/{id}/candidates/{candidate}/fingers/{position}/minutiae",
    permission: "signedIn",
    summary:
      "The comparison aid's detail for one finger position (RIGHT_THUMB … LEFT_LITTLE) of the applicant and one candidate: both images' minutiae (x, y in image pixels, angle in radians, quality), the paired minutiae as index pairs, the alignment and the score; computed in memory from the case's templates, never stored; Cache-Control: no-store; same access rule as the images, audited",
    params: fingerPairParams,
    response: { status: 200 },
  }),
  getSubjectThumbnails: operation({
    method: "GET",
    path: "/api/cases/{id}/subjects/{subject}/thumbnails",
    permission: "signedIn",
    summary:
      "Every grid thumbnail of one subject in one answer ({thumbnails: [{birIndex, mime, data (base64)}]}), Cache-Control: no-store; same access rule and audit as the images",
    params: subjectParams,
    response: { status: 200 },
  }),
  getSubjectDocument: operation({
    method: "GET",
    path: "/api/cases/{id}/subjects/{subject}/documents/{name}",
    permission: "signedIn",
    summary:
      "One verification document by name, inline when it is an image or a PDF (otherwise as an attachment), Cache-Control: no-store; same access rule as the case",
    params: documentParams,
    response: {
      status: 200,
      description: "the document",
      mediaTypes: ["application/pdf", "image/jpeg", "image/png", "application/octet-stream"],
      schema: BINARY,
    },
  }),
};
