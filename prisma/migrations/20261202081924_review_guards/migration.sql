-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "resendProgress" JSONB;

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "carriedFromId" UUID;

-- CreateTable
CREATE TABLE "ReviewView" (
    "caseId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "level" "ReviewLevel" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modalities" INTEGER,

    CONSTRAINT "ReviewView_pkey" PRIMARY KEY ("caseId","userId","level")
);

-- CreateIndex
CREATE INDEX "ReviewView_userId_at_idx" ON "ReviewView"("userId", "at");

-- AddForeignKey
ALTER TABLE "ReviewView" ADD CONSTRAINT "ReviewView_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewView" ADD CONSTRAINT "ReviewView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
