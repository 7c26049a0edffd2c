/** 中文（默认）. The staff's live views: hall console, finish and priority dialogs, transcript, front desk, hall screen. */
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
