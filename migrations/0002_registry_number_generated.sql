-- The registry number is made by the database from case code, sequence and year, so that the
-- submission can register in one statement and a number can never disagree with its sequence.
-- Existing rows get the same numbers back: they were written in this format.
ALTER TABLE "registry_cases" drop column "registry_number";--> statement-breakpoint
ALTER TABLE "registry_cases" ADD COLUMN "registry_number" text GENERATED ALWAYS AS (rtrim(case_code) || '-' || sequence || '-' || year) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_cases" ADD CONSTRAINT "registry_cases_board_county_code_registry_number_unique" UNIQUE("board_county_code","registry_number");
