CREATE TABLE "application_snapshots" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"content" text NOT NULL,
	"sha256" char(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"created_by" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"amount_applied_ore" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"deletion_warned_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"is_late" boolean DEFAULT false NOT NULL,
	"registry_case_id" integer,
	"channel" text DEFAULT 'eService' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"partner_index" integer,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" char(64) NOT NULL,
	"storage_key" text NOT NULL,
	"scan_status" text DEFAULT 'notScanned' NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"board_county_code" char(2) NOT NULL,
	"case_code" char(3) NOT NULL,
	"sequence" integer NOT NULL,
	"year" integer NOT NULL,
	"registry_number" text NOT NULL,
	"subject" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_cases_board_county_code_year_sequence_unique" UNIQUE("board_county_code","year","sequence"),
	CONSTRAINT "registry_cases_board_county_code_registry_number_unique" UNIQUE("board_county_code","registry_number")
);
--> statement-breakpoint
CREATE TABLE "registry_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"document_number" integer NOT NULL,
	"kind" text NOT NULL,
	"direction" text DEFAULT 'incoming' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sender" text NOT NULL,
	"description" text NOT NULL,
	"is_late" boolean DEFAULT false NOT NULL,
	CONSTRAINT "registry_documents_case_id_document_number_unique" UNIQUE("case_id","document_number")
);
--> statement-breakpoint
CREATE TABLE "registry_sequences" (
	"board_county_code" char(2) NOT NULL,
	"year" integer NOT NULL,
	"last_sequence" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "registry_sequences_board_county_code_year_pk" PRIMARY KEY("board_county_code","year")
);
--> statement-breakpoint
CREATE TABLE "signatory_approvals" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"content_sha256" char(64) NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplement_attachments" (
	"supplement_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	CONSTRAINT "supplement_attachments_supplement_id_attachment_id_pk" PRIMARY KEY("supplement_id","attachment_id")
);
--> statement-breakpoint
CREATE TABLE "supplements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"statement" text,
	"registry_document_id" integer,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"case_officer_id" uuid,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"gender_perspective" text,
	"child_perspective" text,
	"accessibility" text,
	"proposed_outcome" text,
	"proposed_amount_ore" bigint,
	"notes" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"requested_ends_on" date,
	"status" text DEFAULT 'submitted' NOT NULL,
	"answer" text,
	"submitted_by" uuid,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"amount_ore" bigint DEFAULT 0 NOT NULL,
	"reasons" text NOT NULL,
	"appeal_information" text NOT NULL,
	"deciding_board" char(2) NOT NULL,
	"decided_by" uuid,
	"decided_on" date NOT NULL,
	"interim_report_due_on" date,
	"final_report_due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"paying_board" char(2) NOT NULL,
	"amount_ore" bigint NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"planned_on" date,
	"paid_on" date,
	"reference" text,
	"registered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repayment_demands" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"explanation" text NOT NULL,
	"amount_ore" bigint NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"paid_on" date,
	"issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"due_on" date NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cost_breakdown" jsonb,
	"ledger_attachment_id" uuid,
	"unused_ore" bigint,
	"submitted_at" timestamp with time zone,
	"last_reminder_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "project_contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"phone" text,
	"email" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_municipalities" (
	"project_id" integer NOT NULL,
	"municipality_code" char(4) NOT NULL,
	CONSTRAINT "project_municipalities_project_id_municipality_code_pk" PRIMARY KEY("project_id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "project_partners" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_purposes" (
	"project_id" integer NOT NULL,
	"purpose_code" text NOT NULL,
	CONSTRAINT "project_purposes_project_id_purpose_code_pk" PRIMARY KEY("project_id","purpose_code")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" integer,
	"application_id" uuid,
	"county_code" char(2) NOT NULL,
	"programme_code" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"period_source" text,
	"period_note" text,
	"amount_ore" bigint,
	"is_demo" boolean DEFAULT false NOT NULL,
	"source_ref" text,
	"source_date" text,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" char(2) NOT NULL,
	"meets_on" date,
	"time_text" text,
	"date_source" text NOT NULL,
	"note" text,
	"source_ref" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" char(2) NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"source_ref" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"county_code" char(2) PRIMARY KEY NOT NULL,
	"description" text NOT NULL,
	"mission" text[] NOT NULL,
	"source_ref" text NOT NULL,
	"source_date" text
);
--> statement-breakpoint
CREATE TABLE "glossary_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"headword" text NOT NULL,
	"headword_is_editorial" boolean DEFAULT false NOT NULL,
	"definition" text NOT NULL,
	"source_ref" text NOT NULL,
	"editorial_note" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "glossary_entries_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "access_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" integer NOT NULL,
	"requested_roles" text[] NOT NULL,
	"motivation" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"answer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_verifications" (
	"token_hash" char(64) PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"email" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" integer NOT NULL,
	"roles" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_person_id_organisation_id_unique" UNIQUE("person_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"personal_identity_number" char(12),
	"given_name" text,
	"family_name" text,
	"email" text,
	"email_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "persons_personal_identity_number_unique" UNIQUE("personal_identity_number"),
	CONSTRAINT "persons_issuer_subject_unique" UNIQUE("issuer","subject")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"sid" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"board_county_code" char(2) NOT NULL,
	"roles" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_memberships_person_id_board_county_code_unique" UNIQUE("person_id","board_county_code")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_person_id" uuid,
	"actor_role" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"dedupe_key" text,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"county_code" char(2) NOT NULL,
	"programme_code" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"opens_on" date,
	"closes_on" date,
	"period_source" text,
	"period_note" text,
	"budget_ore" bigint,
	"max_amount_ore" bigint,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preparing_board" char(2),
	"deciding_board" char(2),
	"paying_board" char(2),
	"decision_announced_on" date,
	"decision_announced_source" text,
	"payment_by" date,
	"payment_by_source" text,
	"functional_mailbox" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"source_ref" text,
	"source_date" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_slug_unique" UNIQUE("slug"),
	CONSTRAINT "calls_period_order" CHECK ("calls"."opens_on" IS NULL OR "calls"."closes_on" IS NULL OR "calls"."opens_on" <= "calls"."closes_on"),
	CONSTRAINT "calls_budget_positive" CHECK ("calls"."budget_ore" IS NULL OR "calls"."budget_ore" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" char(2) NOT NULL,
	"programme_code" text,
	"context" text DEFAULT 'programme' NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"phone" text,
	"email" text,
	"source_ref" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "county_programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" char(2) NOT NULL,
	"programme_code" text NOT NULL,
	"title" text NOT NULL,
	"intro" text NOT NULL,
	"how_to_apply" text,
	"after_grant" text,
	"source_ref" text NOT NULL,
	"source_date" text,
	CONSTRAINT "county_programmes_county_code_programme_code_unique" UNIQUE("county_code","programme_code")
);
--> statement-breakpoint
CREATE TABLE "priorities" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" char(2) NOT NULL,
	"programme_code" text NOT NULL,
	"year" integer NOT NULL,
	"text" text NOT NULL,
	"source_ref" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"legal_basis" text NOT NULL,
	"summary" text NOT NULL,
	"summary_en" text NOT NULL,
	"eligible_kinds" text[] NOT NULL,
	"eligibility_text" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purposes" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"from_year" integer,
	"to_year" integer,
	"source_ref" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "purposes_programme_code_code_unique" UNIQUE("programme_code","code")
);
--> statement-breakpoint
CREATE TABLE "recorded_figures" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" char(2),
	"programme_code" text,
	"call_id" integer,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_ore" bigint,
	"count" integer,
	"label" text NOT NULL,
	"source_text" text NOT NULL,
	"source_ref" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recorded_statistics" (
	"id" serial PRIMARY KEY NOT NULL,
	"county_code" char(2) NOT NULL,
	"programme_code" text NOT NULL,
	"year" integer NOT NULL,
	"call_id" integer,
	"applications_count" integer,
	"applied_ore" bigint,
	"granted_count" integer,
	"granted_ore" bigint,
	"source_text" text NOT NULL,
	"source_ref" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"from_year" integer,
	"to_year" integer,
	"source_ref" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "target_groups_programme_code_code_unique" UNIQUE("programme_code","code")
);
--> statement-breakpoint
CREATE TABLE "counties" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"slug" text NOT NULL,
	CONSTRAINT "counties_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "county_boards" (
	"county_code" char(2) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"org_number" varchar(11),
	"functional_mailbox" text
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"municipality_code" char(4),
	"county_code" char(2) NOT NULL,
	"org_number" varchar(11),
	"is_demo" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "organisations_municipality_code_unique" UNIQUE("municipality_code"),
	CONSTRAINT "organisation_kind_code" CHECK (("organisations"."kind" = 'municipality') = ("organisations"."municipality_code" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "application_snapshots" ADD CONSTRAINT "application_snapshots_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_updated_by_persons_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_persons_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_cases" ADD CONSTRAINT "registry_cases_board_county_code_counties_code_fk" FOREIGN KEY ("board_county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_documents" ADD CONSTRAINT "registry_documents_case_id_registry_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."registry_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_sequences" ADD CONSTRAINT "registry_sequences_board_county_code_counties_code_fk" FOREIGN KEY ("board_county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatory_approvals" ADD CONSTRAINT "signatory_approvals_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatory_approvals" ADD CONSTRAINT "signatory_approvals_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplement_attachments" ADD CONSTRAINT "supplement_attachments_supplement_id_supplements_id_fk" FOREIGN KEY ("supplement_id") REFERENCES "public"."supplements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplement_attachments" ADD CONSTRAINT "supplement_attachments_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplements" ADD CONSTRAINT "supplements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplements" ADD CONSTRAINT "supplements_registry_document_id_registry_documents_id_fk" FOREIGN KEY ("registry_document_id") REFERENCES "public"."registry_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplements" ADD CONSTRAINT "supplements_submitted_by_persons_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_case_officer_id_persons_id_fk" FOREIGN KEY ("case_officer_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_submitted_by_persons_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_decided_by_persons_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_deciding_board_counties_code_fk" FOREIGN KEY ("deciding_board") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_persons_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_paying_board_counties_code_fk" FOREIGN KEY ("paying_board") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_registered_by_persons_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_demands" ADD CONSTRAINT "repayment_demands_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayment_demands" ADD CONSTRAINT "repayment_demands_issued_by_persons_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_ledger_attachment_id_attachments_id_fk" FOREIGN KEY ("ledger_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_contacts" ADD CONSTRAINT "project_contacts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_municipalities" ADD CONSTRAINT "project_municipalities_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_purposes" ADD CONSTRAINT "project_purposes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_decided_by_persons_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_verifications" ADD CONSTRAINT "email_verifications_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_memberships" ADD CONSTRAINT "staff_memberships_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_memberships" ADD CONSTRAINT "staff_memberships_board_county_code_counties_code_fk" FOREIGN KEY ("board_county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_preparing_board_counties_code_fk" FOREIGN KEY ("preparing_board") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_deciding_board_counties_code_fk" FOREIGN KEY ("deciding_board") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_paying_board_counties_code_fk" FOREIGN KEY ("paying_board") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_programmes" ADD CONSTRAINT "county_programmes_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_programmes" ADD CONSTRAINT "county_programmes_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priorities" ADD CONSTRAINT "priorities_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priorities" ADD CONSTRAINT "priorities_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purposes" ADD CONSTRAINT "purposes_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recorded_figures" ADD CONSTRAINT "recorded_figures_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recorded_figures" ADD CONSTRAINT "recorded_figures_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recorded_figures" ADD CONSTRAINT "recorded_figures_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recorded_statistics" ADD CONSTRAINT "recorded_statistics_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recorded_statistics" ADD CONSTRAINT "recorded_statistics_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recorded_statistics" ADD CONSTRAINT "recorded_statistics_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_groups" ADD CONSTRAINT "target_groups_programme_code_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_boards" ADD CONSTRAINT "county_boards_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_organisation_id_status_index" ON "applications" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "applications_call_id_status_index" ON "applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "applications_status_updated_at_index" ON "applications" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "attachments_application_id_index" ON "attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "payments_application_id_index" ON "payments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "reports_status_due_on_index" ON "reports" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "project_contacts_project_id_index" ON "project_contacts" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_municipalities_municipality_code_index" ON "project_municipalities" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "project_partners_project_id_index" ON "project_partners" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_purposes_purpose_code_index" ON "project_purposes" USING btree ("purpose_code");--> statement-breakpoint
CREATE INDEX "projects_county_year" ON "projects" USING btree ("county_code","year","id");--> statement-breakpoint
CREATE INDEX "projects_year" ON "projects" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "projects_programme" ON "projects" USING btree ("programme_code");--> statement-breakpoint
CREATE INDEX "access_requests_organisation_id_status_index" ON "access_requests" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_index" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_type_entity_id_index" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_status_next_attempt_at_index" ON "mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "calls_county_year" ON "calls" USING btree ("county_code","year");