-- The supervisor's note on a reviewed sample (purged with the decisions' comments).
ALTER TABLE "SampleReview" ADD COLUMN "note" VARCHAR(1000);
