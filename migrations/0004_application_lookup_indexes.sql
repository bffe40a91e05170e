-- Every page of an application looks up its latest signatory approval and its supplements: without
-- these, both are sequential scans that grow with every application. IF NOT EXISTS: a migration can run twice.
CREATE INDEX IF NOT EXISTS "signatory_approvals_application_id_approved_at_index" ON "signatory_approvals" USING btree ("application_id","approved_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "supplements_application_id_index" ON "supplements" USING btree ("application_id");
