-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "profiledAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "AdjudicationProfile" (
    "id" UUID NOT NULL,
    "process" "CaseKind" NOT NULL,
    "decidedOn" DATE NOT NULL,
    "yearOfBirth" INTEGER,
    "gender" VARCHAR(32),
    "location" JSONB,
    "biometrics" JSONB NOT NULL,
    "decision" VARCHAR(16) NOT NULL,
    "secondsToDecide" INTEGER NOT NULL,
    "candidateCount" INTEGER NOT NULL,
    "reviewersAgreed" BOOLEAN,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdjudicationProfile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdjudicationProfile_decidedOn_idx" ON "AdjudicationProfile"("decidedOn");
