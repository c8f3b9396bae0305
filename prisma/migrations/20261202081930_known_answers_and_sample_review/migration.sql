-- CreateEnum
CREATE TYPE "SampleReason" AS ENUM ('RANDOM', 'FLAGGED');

-- CreateEnum
CREATE TYPE "SampleOutcome" AS ENUM ('CONFIRMED', 'ERROR');

-- CreateTable
CREATE TABLE "KnownAnswer" (
    "caseId" UUID NOT NULL,
    "duplicatePositions" INTEGER[],
    "traineeId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnownAnswer_pkey" PRIMARY KEY ("caseId")
);

-- CreateTable
CREATE TABLE "SampleReview" (
    "caseId" UUID NOT NULL,
    "reason" "SampleReason" NOT NULL,
    "sampledAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "SampleOutcome",
    "wrongLevels" "ReviewLevel"[],
    "reviewerId" UUID,
    "reviewedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SampleReview_pkey" PRIMARY KEY ("caseId")
);

-- CreateIndex
CREATE INDEX "KnownAnswer_createdAt_idx" ON "KnownAnswer"("createdAt");

-- CreateIndex
CREATE INDEX "KnownAnswer_traineeId_idx" ON "KnownAnswer"("traineeId");

-- CreateIndex
CREATE INDEX "SampleReview_outcome_sampledAt_idx" ON "SampleReview"("outcome", "sampledAt");

-- AddForeignKey
ALTER TABLE "KnownAnswer" ADD CONSTRAINT "KnownAnswer_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SampleReview" ADD CONSTRAINT "SampleReview_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A known-answer case is synthetic: its answer must never reach MOSIP. The application never writes its outbox
-- row (lib/cases/record-final-decision.ts); the database refuses one all the same, whoever writes it.
CREATE FUNCTION "refuse_known_answer_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "KnownAnswer" WHERE "caseId" = NEW."caseId") THEN
    RAISE EXCEPTION 'a known-answer case is never answered to MOSIP: outbox row refused' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "OutboxMessage_no_known_answer" BEFORE INSERT OR UPDATE OF "caseId" ON "OutboxMessage"
  FOR EACH ROW EXECUTE FUNCTION "refuse_known_answer_outbox"();
