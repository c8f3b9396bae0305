-- CreateEnum
CREATE TYPE "BodyStorage" AS ENUM ('RECEIVED', 'LOCAL_KEY');

-- AlterTable
ALTER TABLE "DatashareDownload" ADD COLUMN     "bodyStorage" "BodyStorage" NOT NULL DEFAULT 'RECEIVED';
