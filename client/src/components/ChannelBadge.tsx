import type { Channel } from "@protocol/model.ts";
import { useT } from "../i18n/useT.ts";
import { Icon } from "./Icon.tsx";

export function ChannelBadge({ channel }: { channel: Channel }) {
  const t = useT();
  return (
    <span className={`badge badge--channel-${channel === "ONLINE" ? "online" : "in-person"}`}>
      <Icon name={channel === "ONLINE" ? "globe" : "person"} />
      {t(`channel.${channel}`)}
    </span>
  );
}
