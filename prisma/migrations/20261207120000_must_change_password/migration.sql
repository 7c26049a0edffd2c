-- An account whose password an admin set must choose its own at first login
-- (docs/SECURITY.md). Additive: existing accounts keep working as before.
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
