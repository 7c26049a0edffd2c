/** 中文（默认）. The hall screen's and the live captions' words; the hall console's and the desk's are in staff/hall.ts. */
export const hall = {
  "transcript.corrected": "已更正",

  "screen.title": "大屏",
  "screen.pleaseCome": "请以下号码到发言席",
  "screen.pleaseComeOnline": "请以下号码准备网上连线发言",
  "screen.next": "即将叫号",
  "screen.idle": "请稍候",
  "screen.enableSound": "开启提示音",
  "screen.fullscreen": "全屏",

  "streamPanel.watchUrl": "观看地址（HLS）",
} as const;
