/** 中文（默认）. The booking words only staff pages show (loaded with those pages: translate.ts loadStaffWords). */

export const booking = {
  "desk.checkIn.title": "预约签到",
  "desk.checkIn.code": "预约码",
  "desk.checkIn.hint": "输入或扫描选民的预约码（不区分大小写）。",
  "desk.checkIn.submit": "签到",
  "desk.checkIn.done": "{name} 已签到，排号 {label}",
  "desk.checkIn.conflict": "该预约已签到、已取消或仍在候补。",
  "desk.checkIn.notFound": "本接待日没有这个预约码。",
  "booked.title": "已预约未到场",
  "booked.empty": "没有待签到的预约。",
  "booked.count": "{n} 人",
  "support.hallTitle": "附议最多",
  "support.sortCases": "按附议人数排序",
} as const;
