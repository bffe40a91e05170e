CREATE TABLE "draft_conflicts" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"based_on_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"attempted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signatory_approvals" DROP CONSTRAINT "signatory_approvals_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "removed_from_my_pages_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "copied_from_id" uuid;--> statement-breakpoint
ALTER TABLE "draft_conflicts" ADD CONSTRAINT "draft_conflicts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_conflicts" ADD CONSTRAINT "draft_conflicts_attempted_by_persons_id_fk" FOREIGN KEY ("attempted_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "draft_conflicts_application_id_index" ON "draft_conflicts" USING btree ("application_id");--> statement-breakpoint
ALTER TABLE "signatory_approvals" ADD CONSTRAINT "signatory_approvals_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;