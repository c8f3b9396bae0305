-- CreateTable
CREATE TABLE "FaceScore" (
    "candidateId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "distance" REAL,
    "applicantDetection" REAL,
    "candidateDetection" REAL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FaceScore_pkey" PRIMARY KEY ("candidateId")
);

-- CreateIndex
CREATE INDEX "FaceScore_caseId_idx" ON "FaceScore"("caseId");

-- AddForeignKey
ALTER TABLE "FaceScore" ADD CONSTRAINT "FaceScore_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FaceScore" ADD CONSTRAINT "FaceScore_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
