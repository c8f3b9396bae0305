-- CreateEnum
CREATE TYPE "QualityFlagKind" AS ENUM ('HASTE', 'AID_DISAGREEMENT');

-- CreateTable
CREATE TABLE "QualityFlag" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "decisionId" UUID,
    "kind" "QualityFlagKind" NOT NULL,
    "detail" VARCHAR(500) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualityFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QualityFlag_createdAt_idx" ON "QualityFlag"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "QualityFlag_caseId_kind_decisionId_key" ON "QualityFlag"("caseId", "kind", "decisionId");

-- AddForeignKey
ALTER TABLE "QualityFlag" ADD CONSTRAINT "QualityFlag_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityFlag" ADD CONSTRAINT "QualityFlag_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
