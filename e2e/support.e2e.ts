/**
 * 附议 in the browser (docs/ARCHITECTURE.md §6b): a viewer supports a public topic from the
 * phone and the hall sees it. Booking itself is walked in
 * journey-booked-voter.e2e.ts (the voter) and journey-station-staff.e2e.ts (the desk).
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM, PHONE, loginAs, openPage, todaysSession, useWorld } from "./fixtures.ts";
import { eventually, joinOnline } from "./steps.ts";

describe.skipIf(!CHROMIUM)("support (附议)", () => {
  const world = useWorld();

  it("a viewer supports a public topic once from the phone and the hall sees it among the most supported", async () => {
    const session = await todaysSession(world.base, "盛泽镇南麻片区人大代表之家");
    const { page: voter } = await openPage(world, "voter with a topic", PHONE);
    await voter.goto(`/s/${session.id}`);
    await joinOnline(voter, "吴先生", "小区路灯不亮");
    const { page: viewer } = await openPage(world, "supporting viewer", PHONE);
    await viewer.goto(`/s/${session.id}`);
    const topic = viewer.getByTestId("public-topic").filter({ hasText: "小区路灯不亮" });
    await topic.getByRole("button", { name: "我也关心" }).click();
    await eventually(() => topic.getByTestId("support-count").textContent()).toBe("1 人关心");
    expect(await topic.getByRole("button", { name: "已附议" }).isDisabled()).toBe(true);
    // The count is live on the voter's own phone too.
    await eventually(() => voter.getByTestId("public-topic").filter({ hasText: "小区路灯不亮" }).getByTestId("support-count").textContent()).toBe("1 人关心");

    const { page: hall, context } = await openPage(world, "hall");
    await loginAs(context, world.base, "deputy.xiaojuan");
    await hall.goto(`/hall/${session.id}`);
    await eventually(() => hall.getByTestId("hall-supported-topics").textContent()).toContain("小区路灯不亮");
  });
});
