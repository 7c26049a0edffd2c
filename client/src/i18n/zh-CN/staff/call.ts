/** 中文（默认）. The call words only staff pages show (loaded with those pages: translate.ts loadStaffWords). */

export const call = {
  "call.hall.title": "电话连线",
  "call.hall.start": "电话连线 / 呼叫选民",
  "call.hall.hint": "选民在手机上接听后，声音从会场音箱播出；会场麦克风的声音传给选民。",
  "call.hall.micProblem": "主持台的麦克风无法打开：会场能听到选民，选民听不到会场。",
  "call.hall.elsewhere": "{label} 正在与另一台主持台通话。",
  "call.phase.idle": "未通话",
  "call.phase.starting": "正在呼叫……",
  "call.phase.ringing": "正在呼叫选民，等待接听……",
  "call.phase.connected": "通话中",
  "call.phase.muted": "选民已静音",
  "call.phase.interrupted": "通话中断，正在重新接通……",
  "call.mute": "静音选民",
  "call.unmute": "取消静音",
  "call.level.voter": "选民音量",
} as const;
