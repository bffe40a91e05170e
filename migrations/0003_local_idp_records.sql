-- The local identity provider's state (development and demos). IF NOT EXISTS: a migration can run twice.
CREATE TABLE IF NOT EXISTS "local_idp_records" (
	"model" text NOT NULL,
	"id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"grant_id" text,
	"user_code" text,
	"uid" text,
	"expires_at" timestamp with time zone,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "local_idp_records_model_id_pk" PRIMARY KEY("model","id")
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "local_idp_records_uid_index" ON "local_idp_records" USING btree ("uid");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "local_idp_records_grant_id_index" ON "local_idp_records" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "local_idp_records_expires_at_index" ON "local_idp_records" USING btree ("expires_at");