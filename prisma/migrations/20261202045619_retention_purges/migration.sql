-- AlterTable
ALTER TABLE "DatashareDownload" ALTER COLUMN "url" DROP NOT NULL;

-- AlterTable
ALTER TABLE "InboxMessage" ALTER COLUMN "body" DROP NOT NULL;

-- AlterTable
ALTER TABLE "OutboxMessage" ALTER COLUMN "body" DROP NOT NULL;
