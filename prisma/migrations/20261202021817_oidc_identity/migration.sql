-- AlterTable
ALTER TABLE "User" ADD COLUMN     "oidcIssuer" VARCHAR(512),
ADD COLUMN     "oidcSubject" VARCHAR(255);

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcIssuer_oidcSubject_key" ON "User"("oidcIssuer", "oidcSubject");
