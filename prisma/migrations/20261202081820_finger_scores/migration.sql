-- CreateEnum
CREATE TYPE "FingerScoringState" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "FingerScoring" (
    "caseId" UUID NOT NULL,
    "state" "FingerScoringState" NOT NULL,
    "claim" UUID NOT NULL,
    "leaseUntil" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "error" VARCHAR(300),
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "FingerScoring_pkey" PRIMARY KEY ("caseId")
);

-- CreateTable
CREATE TABLE "FingerScore" (
    "caseId" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "position" VARCHAR(16) NOT NULL,
    "score" REAL NOT NULL,
    "pairedMinutiae" INTEGER NOT NULL,
    "applicantMinutiae" INTEGER NOT NULL,
    "candidateMinutiae" INTEGER NOT NULL,
    "applicantQuality" INTEGER,
    "candidateQuality" INTEGER,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FingerScore_pkey" PRIMARY KEY ("candidateId","position")
);

-- CreateIndex
CREATE INDEX "FingerScoring_state_leaseUntil_idx" ON "FingerScoring"("state", "leaseUntil");

-- CreateIndex
CREATE INDEX "FingerScore_caseId_idx" ON "FingerScore"("caseId");

-- AddForeignKey
ALTER TABLE "FingerScoring" ADD CONSTRAINT "FingerScoring_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FingerScore" ADD CONSTRAINT "FingerScore_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FingerScore" ADD CONSTRAINT "FingerScore_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
