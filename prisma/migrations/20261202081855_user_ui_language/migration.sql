-- AlterTable
ALTER TABLE "User" ADD COLUMN     "uiLanguage" VARCHAR(8);
