-- Personal data (docs/PRIVACY.md): consent on tickets, anonymization marker,
-- the versioned privacy notice (version 1 seeded here) and the access audit.

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "consentVersion" INTEGER,
ADD COLUMN "consentAt" TIMESTAMP(3),
ADD COLUMN "anonymizedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PrivacyNotice" (
    "version" INTEGER NOT NULL,
    "textZh" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT,

    CONSTRAINT "PrivacyNotice_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "userId" TEXT,
    "username" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_idx" ON "AuditEntry"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_userId_idx" ON "AuditEntry"("userId");

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The first notice ({retentionDays} is filled in from RETENTION_DAYS when served).
INSERT INTO "PrivacyNotice" ("version", "textZh", "textEn") VALUES (1, '同心接待日个人信息告知（第1版）
我们收集什么：您的姓名或称呼、议题和问题；只有您需要回访或答复时才收集电话。
为什么：安排排队叫号，让代表接待您，记录并办理您反映的意见建议，回访答复您。
谁能看到：本站工作人员和当班代表。其他群众和观看直播的人只看到排号、姓氏首字和您同意公开的议题。工作人员屏幕上的电话只显示部分号码，查看完整号码会留下记录。
保存多久：接待日结束、意见建议办结 {retentionDays} 天后，姓名、电话和私密问题自动匿名化；公开记录和统计数字保留。
您的权利：凭手机上的排号链接，您可以下载本站保存的您的数据，或删除您的联系方式。', 'Tongxin reception day — notice on personal information (version 1)
What we collect: your name or what you want to be called, your topic and question; a phone number only if you want a reply or follow-up.
Why: to run the queue, let a deputy receive you, record and follow up your concern, and reply to you.
Who sees it: this station''s staff and the deputies on duty. Other voters and stream viewers see only your number, the first character of your name and the topic if you allow it. Staff screens show your phone partly hidden; showing it in full is recorded.
How long: {retentionDays} days after the reception day has ended and your concern is closed, your name, phone and private question are anonymized; the public record and statistics stay.
Your rights: with the ticket link on your phone you can download what we store about you, or erase your contact details.');
