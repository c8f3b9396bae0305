-- The comparison aid's best score per modality, banded, in the anonymous profile (docs/analytics.md).
ALTER TABLE "AdjudicationProfile" ADD COLUMN "topScores" JSONB;
