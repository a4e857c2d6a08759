-- Grading leases (docs/decisions/009-grading-leases.md): a running row belongs to the claim
-- named in lease_owner until lease_expires_at, which a live runner keeps pushing forward.
ALTER TABLE "submissions" ADD COLUMN "lease_owner" TEXT;
ALTER TABLE "submissions" ADD COLUMN "lease_expires_at" TIMESTAMPTZ(3);

-- Rows running when this migration runs keep the old 300 s stale threshold once.
UPDATE "submissions" SET "lease_expires_at" = COALESCE("started_at", now()) + interval '300 seconds' WHERE "status" = 'running';

-- Idempotency-Key of POST /api/v1/submissions, and the sha256 of the request it answered.
ALTER TABLE "submissions" ADD COLUMN "idempotency_key" TEXT;
ALTER TABLE "submissions" ADD COLUMN "request_hash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "submissions_user_id_idempotency_key_key" ON "submissions"("user_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "submissions_user_id_created_at_idx" ON "submissions"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "submissions_user_id_started_at_idx" ON "submissions"("user_id", "started_at");

-- CreateIndex
CREATE INDEX "submissions_status_lease_expires_at_idx" ON "submissions"("status", "lease_expires_at");
