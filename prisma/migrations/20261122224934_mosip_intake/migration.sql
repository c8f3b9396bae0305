-- CreateEnum
CREATE TYPE "MessageFormat" AS ENUM ('TEXT', 'BYTES');

-- CreateEnum
CREATE TYPE "InboxOutcome" AS ENUM ('CREATED', 'DUPLICATE', 'REJECTED');

-- CreateEnum
CREATE TYPE "SubjectDataStatus" AS ENUM ('PENDING', 'AVAILABLE', 'UNAVAILABLE', 'FAILED');

-- CreateEnum
CREATE TYPE "DownloadState" AS ENUM ('PENDING', 'DOWNLOADING', 'STORED', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "applicantDataStatus" "SubjectDataStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "dataErrorCode" VARCHAR(64),
ADD COLUMN     "expiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "inboxMessageId" BIGINT,
ADD COLUMN     "requestFormat" "MessageFormat",
ADD COLUMN     "supersededById" UUID;

-- CreateTable
CREATE TABLE "InboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "brokerMessageId" VARCHAR(255),
    "destination" VARCHAR(255) NOT NULL,
    "format" "MessageFormat" NOT NULL,
    "body" BYTEA NOT NULL,
    "bodySize" INTEGER NOT NULL,
    "bodyTruncated" BOOLEAN NOT NULL DEFAULT false,
    "redelivered" BOOLEAN NOT NULL DEFAULT false,
    "brokerExpiresAt" TIMESTAMPTZ(3),
    "brokerTimestamp" TIMESTAMPTZ(3),
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "InboxOutcome" NOT NULL,
    "requestId" VARCHAR(255),
    "errorCode" VARCHAR(32),
    "errorReason" TEXT,

    CONSTRAINT "InboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "referenceId" VARCHAR(64) NOT NULL,
    "position" INTEGER NOT NULL,
    "dataStatus" "SubjectDataStatus" NOT NULL DEFAULT 'PENDING',

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatashareDownload" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "candidateId" UUID,
    "sourceIndex" INTEGER NOT NULL,
    "source" VARCHAR(32),
    "sourceStatus" VARCHAR(64),
    "url" TEXT NOT NULL,
    "state" "DownloadState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastErrorCode" VARCHAR(64),
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "body" BYTEA,
    "bodySha256" CHAR(64),
    "bodySize" INTEGER,
    "storedAt" TIMESTAMPTZ(3),
    "purgedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DatashareDownload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboxMessage_receivedAt_idx" ON "InboxMessage"("receivedAt");

-- CreateIndex
CREATE INDEX "InboxMessage_outcome_receivedAt_idx" ON "InboxMessage"("outcome", "receivedAt");

-- CreateIndex
CREATE INDEX "InboxMessage_requestId_idx" ON "InboxMessage"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_caseId_position_key" ON "Candidate"("caseId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_caseId_referenceId_key" ON "Candidate"("caseId", "referenceId");

-- CreateIndex
CREATE INDEX "DatashareDownload_state_nextAttemptAt_idx" ON "DatashareDownload"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "DatashareDownload_caseId_idx" ON "DatashareDownload"("caseId");

-- CreateIndex
CREATE INDEX "DatashareDownload_candidateId_idx" ON "DatashareDownload"("candidateId");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_inboxMessageId_fkey" FOREIGN KEY ("inboxMessageId") REFERENCES "InboxMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatashareDownload" ADD CONSTRAINT "DatashareDownload_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatashareDownload" ADD CONSTRAINT "DatashareDownload_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
