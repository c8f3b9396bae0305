-- CreateEnum
CREATE TYPE "ReviewLevel" AS ENUM ('PRIMARY', 'SECONDARY', 'SUPERVISOR');

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('PENDING', 'SENDING', 'SENT', 'UNCERTAIN', 'FAILED');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "answeredAt" TIMESTAMPTZ(3),
ADD COLUMN     "decidedAt" TIMESTAMPTZ(3),
ADD COLUMN     "primaryAssignedAt" TIMESTAMPTZ(3),
ADD COLUMN     "secondaryAssignedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "caseCap" INTEGER,
ADD COLUMN     "lastAssignedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "level" "ReviewLevel" NOT NULL,
    "userId" UUID NOT NULL,
    "body" JSONB NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "requestId" VARCHAR(255) NOT NULL,
    "destination" VARCHAR(255) NOT NULL,
    "format" "MessageFormat" NOT NULL,
    "body" TEXT NOT NULL,
    "state" "OutboxState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sendingAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Decision_userId_createdAt_idx" ON "Decision"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_caseId_level_key" ON "Decision"("caseId", "level");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_caseId_key" ON "OutboxMessage"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_requestId_key" ON "OutboxMessage"("requestId");

-- CreateIndex
CREATE INDEX "OutboxMessage_state_nextAttemptAt_idx" ON "OutboxMessage"("state", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
