-- CreateTable
CREATE TABLE "CaseExposure" (
    "caseId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseExposure_pkey" PRIMARY KEY ("caseId","userId")
);

-- AddForeignKey
ALTER TABLE "CaseExposure" ADD CONSTRAINT "CaseExposure_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseExposure" ADD CONSTRAINT "CaseExposure_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
