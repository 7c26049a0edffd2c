-- Livestream (docs/ARCHITECTURE.md §5c): every session gets a secret RTMP
-- stream key and a live flag; existing rows get a random key (gen_random_uuid
-- is built in since PostgreSQL 13). New rows get a uuid from the Prisma client.

-- AlterTable
ALTER TABLE "ReceptionSession" ADD COLUMN "streamKey" TEXT;
ALTER TABLE "ReceptionSession" ADD COLUMN "streamLive" BOOLEAN NOT NULL DEFAULT false;
UPDATE "ReceptionSession" SET "streamKey" = gen_random_uuid()::text WHERE "streamKey" IS NULL;
ALTER TABLE "ReceptionSession" ALTER COLUMN "streamKey" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionSession_streamKey_key" ON "ReceptionSession"("streamKey");
