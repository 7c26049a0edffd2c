-- The twin of prisma/migrations/20261207120000_must_change_password on
-- PostgreSQL. Additive: existing accounts keep working as before.
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
