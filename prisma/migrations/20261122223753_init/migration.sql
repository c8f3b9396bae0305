-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RoleName" AS ENUM ('OPERATOR', 'SUPERVISOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "AuthSource" AS ENUM ('LOCAL', 'OIDC');

-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('ADJUDICATION', 'VERIFICATION');

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('RECEIVED', 'FETCHING', 'DATA_UNAVAILABLE', 'READY', 'IN_PRIMARY', 'IN_SECONDARY', 'CONFLICT', 'DECIDED', 'ANSWERED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "displayName" VARCHAR(128),
    "passwordHash" TEXT,
    "authSource" "AuthSource" NOT NULL DEFAULT 'LOCAL',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "canPrimary" BOOLEAN NOT NULL DEFAULT true,
    "canSecondary" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "userId" UUID NOT NULL,
    "role" "RoleName" NOT NULL,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "RolePermission" (
    "role" "RoleName" NOT NULL,
    "permission" VARCHAR(64) NOT NULL,

    CONSTRAINT "RolePermission_pkey" PRIMARY KEY ("role","permission")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorUsername" VARCHAR(64),
    "action" VARCHAR(64) NOT NULL,
    "targetType" VARCHAR(32),
    "targetId" VARCHAR(64),
    "details" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" VARCHAR(64) NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "requestId" VARCHAR(64) NOT NULL,
    "referenceId" VARCHAR(64) NOT NULL,
    "kind" "CaseKind" NOT NULL,
    "state" "CaseState" NOT NULL DEFAULT 'RECEIVED',
    "candidateCount" INTEGER NOT NULL DEFAULT 0,
    "requestTime" TIMESTAMPTZ(3),
    "deadlineAt" TIMESTAMPTZ(3),
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "primaryAssigneeId" UUID,
    "secondaryAssigneeId" UUID,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_idx" ON "AuditEvent"("targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_requestId_key" ON "Case"("requestId");

-- CreateIndex
CREATE INDEX "Case_state_idx" ON "Case"("state");

-- CreateIndex
CREATE INDEX "Case_referenceId_idx" ON "Case"("referenceId");

-- CreateIndex
CREATE INDEX "Case_primaryAssigneeId_state_idx" ON "Case"("primaryAssigneeId", "state");

-- CreateIndex
CREATE INDEX "Case_secondaryAssigneeId_state_idx" ON "Case"("secondaryAssigneeId", "state");

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_primaryAssigneeId_fkey" FOREIGN KEY ("primaryAssigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_secondaryAssigneeId_fkey" FOREIGN KEY ("secondaryAssigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
