/**
 * Demo data tables (pure data, no I/O): the deputy groups, venues, accounts and
 * the voters' concerns of the demo seed. The places come from the article the
 * product grew from (a report on Suzhou's 吴江区): 吴江区's 家→站→室 venues in
 * 盛泽镇 (a central home, upgraded homes of 8 deputy groups, 17 stations and
 * 晓鹃工作室 in 衡悦社区), 黎里镇 (the 古镇 home, 三好村, 黎川书院) and 同里镇 (one
 * theme a month). Every person named here is fictional. seed-demo.ts writes it through the services.
 */
import type { Role, VenueKind } from "../protocol/model.ts";

export type Town = "盛泽镇" | "黎里镇" | "同里镇";

export interface GroupSeed {
  key: string;
  name: string;
  town: Town;
}

export interface VenueSeed {
  key: string;
  name: string;
  kind: VenueKind;
  town: Town;
  address: string;
  /** key of the parent venue (must come earlier in VENUES) */
  parent?: string;
  group: string;
  /** deputies on duty (names, without 代表) */
  deputies: string[];
  /** today's theme */
  theme: string;
  /** past sessions: day of month, and one theme per month, [0] = last month */
  past?: { day: number; themes: string[] };
}

export interface UserSeed {
  username: string;
  displayName: string;
  role: Role;
  /** scoped to every venue of these towns (ADMIN: none, runs all) */
  towns: Town[];
}

export interface FollowUp {
  category: string;
  assignee: string;
  /** what the assignee reports when work starts */
  progress: string;
  resolution: string;
  /** set: the case is rejected with this reason */
  reject?: string;
}

export interface Concern {
  topic: string;
  question: string;
  answer: string;
  /** the turn's summary (Ticket.summary) */
  summary: string;
  /** first recorded wording of the answer, corrected afterwards by an amendment */
  draft?: string;
  /** a staff-only note during the turn */
  note?: string;
  followUp?: FollowUp;
}

export const TOWNS: readonly Town[] = ["盛泽镇", "黎里镇", "同里镇"];

export const GROUPS: readonly GroupSeed[] = [
  { key: "sz0", name: "盛泽镇中心代表小组", town: "盛泽镇" },
  { key: "sz1", name: "盛泽镇第一代表小组", town: "盛泽镇" },
  { key: "sz2", name: "盛泽镇第二代表小组", town: "盛泽镇" },
  { key: "sz3", name: "盛泽镇第三代表小组", town: "盛泽镇" },
  { key: "ll1", name: "黎里镇古镇代表小组", town: "黎里镇" },
  { key: "ll2", name: "黎里镇三好村代表小组", town: "黎里镇" },
  { key: "tl1", name: "同里镇第一代表小组", town: "同里镇" },
  { key: "tl2", name: "同里镇第二代表小组", town: "同里镇" },
];

/** 同里镇 runs one theme a month at all of its venues: [0] today, [k] k months ago. */
const TONGLI_THEMES = ["老旧小区加装电梯", "养老服务", "河道治理与水环境", "停车难", "垃圾分类", "食品安全"];

export const VENUES: readonly VenueSeed[] = [
  // 盛泽镇: 1 central home, upgraded homes (one per deputy group), stations, 晓鹃工作室
  {
    key: "sz-home",
    name: "盛泽镇人大代表之家",
    kind: "HOME",
    town: "盛泽镇",
    address: "苏州市吴江区盛泽镇舜湖西路行政服务中心东楼一层",
    group: "sz0",
    deputies: ["王建明", "沈晓鹃", "徐丽萍"],
    theme: "停车难与交通秩序",
    past: { day: 15, themes: ["生态环境与河道治理", "养老服务", "老旧小区改造", "学区与教育"] },
  },
  {
    key: "sz-tanqiu",
    name: "盛泽镇坛丘片区人大代表之家",
    kind: "HOME",
    town: "盛泽镇",
    address: "苏州市吴江区盛泽镇坛丘社区综合服务中心二楼",
    parent: "sz-home",
    group: "sz1",
    deputies: ["朱国平", "姚雪芬"],
    theme: "农村人居环境整治",
  },
  {
    key: "sz-nanma",
    name: "盛泽镇南麻片区人大代表之家",
    kind: "HOME",
    town: "盛泽镇",
    address: "苏州市吴江区盛泽镇南麻社区综合服务中心二楼",
    parent: "sz-home",
    group: "sz2",
    deputies: ["金伟东", "费玉兰"],
    theme: "纺织企业安全生产",
  },
  {
    key: "sz-mulan",
    name: "盛泽镇目澜片区人大代表之家",
    kind: "HOME",
    town: "盛泽镇",
    address: "苏州市吴江区盛泽镇目澜社区党群服务中心三楼",
    parent: "sz-home",
    group: "sz3",
    deputies: ["沈晓鹃", "吴志刚"],
    theme: "生态环境与河道治理",
  },
  {
    key: "sz-hengyue",
    name: "衡悦社区人大代表联络站",
    kind: "STATION",
    town: "盛泽镇",
    address: "苏州市吴江区盛泽镇衡悦社区党群服务中心一楼",
    parent: "sz-mulan",
    group: "sz3",
    deputies: ["沈晓鹃", "陈丽华"],
    theme: "社区治理与物业服务",
  },
  {
    key: "sz-huangjiaxi",
    name: "黄家溪村人大代表联络站",
    kind: "STATION",
    town: "盛泽镇",
    address: "苏州市吴江区盛泽镇黄家溪村村民委员会二楼",
    parent: "sz-tanqiu",
    group: "sz1",
    deputies: ["朱国平"],
    theme: "农村道路与出行",
  },
  {
    key: "sz-longbei",
    name: "龙北村人大代表联络站",
    kind: "STATION",
    town: "盛泽镇",
    address: "苏州市吴江区盛泽镇龙北村党群服务中心",
    parent: "sz-nanma",
    group: "sz2",
    deputies: ["金伟东"],
    theme: "垃圾分类",
  },
  {
    key: "sz-silk",
    name: "东方丝绸市场人大代表联络站",
    kind: "STATION",
    town: "盛泽镇",
    address: "苏州市吴江区盛泽镇中国东方丝绸市场管理服务中心四楼",
    parent: "sz-home",
    group: "sz0",
    deputies: ["王建明", "蒋海峰"],
    theme: "营商环境与市场秩序",
  },
  {
    key: "sz-xiaojuan",
    name: "晓鹃工作室",
    kind: "STUDIO",
    town: "盛泽镇",
    address: "苏州市吴江区盛泽镇衡悦社区党群服务中心二楼",
    parent: "sz-hengyue",
    group: "sz3",
    deputies: ["沈晓鹃"],
    theme: "养老服务",
    past: { day: 20, themes: ["社区治理与物业服务", "养老服务", "新市民服务"] },
  },
  // 黎里镇: the 古镇 home (粉墙黛瓦), 三好村 in the 美丽乡村群, 黎川书院
  {
    key: "ll-home",
    name: "黎里古镇人大代表之家",
    kind: "HOME",
    town: "黎里镇",
    address: "苏州市吴江区黎里镇黎里古镇景区中心街（粉墙黛瓦老宅院内）",
    group: "ll1",
    deputies: ["钱建华", "陆文彬"],
    theme: "古镇保护与文旅融合",
    past: { day: 18, themes: ["古镇民宿管理", "梨花文化节与文旅", "河道治理", "养老服务"] },
  },
  {
    key: "ll-sanhao",
    name: "三好村人大代表联络站",
    kind: "STATION",
    town: "黎里镇",
    address: "苏州市吴江区黎里镇三好村党群服务中心（美丽乡村群）",
    parent: "ll-home",
    group: "ll2",
    deputies: ["钱建华", "张根林"],
    theme: "美丽乡村与生态环境",
    past: { day: 22, themes: ["农村道路与出行", "美丽乡村建设", "垃圾分类"] },
  },
  {
    key: "ll-lichuan",
    name: "黎川书院代表工作室",
    kind: "STUDIO",
    town: "黎里镇",
    address: "苏州市吴江区黎里镇黎里古镇黎川书院",
    parent: "ll-home",
    group: "ll1",
    deputies: ["柳明远", "钱建华"],
    theme: "文化传承与全民阅读",
  },
  // 同里镇: one theme a month everywhere
  {
    key: "tl-home",
    name: "同里镇人大代表之家",
    kind: "HOME",
    town: "同里镇",
    address: "苏州市吴江区同里镇同兴路便民服务中心一楼",
    group: "tl1",
    deputies: ["顾炳荣", "任雪琴"],
    theme: TONGLI_THEMES[0]!,
    past: { day: 12, themes: TONGLI_THEMES.slice(1) },
  },
  {
    key: "tl-beilian",
    name: "北联村人大代表联络站",
    kind: "STATION",
    town: "同里镇",
    address: "苏州市吴江区同里镇北联村党群服务中心",
    parent: "tl-home",
    group: "tl2",
    deputies: ["顾炳荣"],
    theme: TONGLI_THEMES[0]!,
  },
  {
    key: "tl-tuncun",
    name: "屯村社区人大代表联络站",
    kind: "STATION",
    town: "同里镇",
    address: "苏州市吴江区同里镇屯村社区党群服务中心",
    parent: "tl-home",
    group: "tl2",
    deputies: ["任雪琴", "计永明"],
    theme: TONGLI_THEMES[0]!,
  },
];

export const USERS: readonly UserSeed[] = [
  { username: "admin", displayName: "系统管理员", role: "ADMIN", towns: [] },
  { username: "staff.shengze", displayName: "盛泽镇人大办 周敏", role: "STAFF", towns: ["盛泽镇"] },
  { username: "deputy.xiaojuan", displayName: "沈晓鹃代表", role: "DEPUTY", towns: ["盛泽镇"] },
  { username: "staff.lili", displayName: "黎里镇人大办 陆佳", role: "STAFF", towns: ["黎里镇"] },
  { username: "deputy.lili", displayName: "钱建华代表", role: "DEPUTY", towns: ["黎里镇"] },
  { username: "staff.tongli", displayName: "同里镇人大办 顾文", role: "STAFF", towns: ["同里镇"] },
];

/** 吴江区 departments that answer deputies' suggestions (§6e), each with its account (password as the others'). */
/** `contact`: where the deadline reminders go (§6e) — example addresses, no real phone. */
export const DEPARTMENTS: readonly { name: string; username: string; displayName: string; contact: string | null }[] = [
  { name: "区住建局", username: "dept.zhujian", displayName: "区住建局 建议办理专员 姚芳", contact: "zhujian@wujiang.example" },
  { name: "区交通运输局", username: "dept.jiaotong", displayName: "区交通运输局 建议办理专员 徐斌", contact: "jiaotong@wujiang.example" },
  { name: "区民政局", username: "dept.minzheng", displayName: "区民政局 建议办理专员 朱慧", contact: "minzheng@wujiang.example" },
  { name: "区水务局", username: "dept.shuiwu", displayName: "区水务局 建议办理专员 汤海峰", contact: null },
];

/** The staff account that records transcripts and drives cases in each town. */
export const TOWN_STAFF: Record<Town, string> = {
  盛泽镇: "staff.shengze",
  黎里镇: "staff.lili",
  同里镇: "staff.tongli",
};

export const SURNAMES = ["沈", "周", "吴", "陆", "钱", "顾", "徐", "朱", "张", "王", "李", "陈", "金", "费", "姚", "蒋", "杨", "凌", "汤", "倪"];
export const GIVEN_NAMES = [
  "建国", "秀英", "美华", "志明", "雪芳", "国强", "丽娟", "海峰", "桂英", "伟",
  "敏", "玉珍", "根生", "晓燕", "家豪", "子涵", "文斌", "春花", "金龙", "慧",
];

export const PRIORITY_REASONS = ["高龄老人（86岁）", "行动不便（持残疾证）", "孕妇"];

export const INTERNAL_NOTES = [
  "已电话联系选民，核实诉求细节（联系方式仅限内部使用）",
  "承办部门已确认接收，约定两周内书面反馈",
  "社区网格员现场核实，情况属实",
  "已纳入代表小组本季度重点督办清单",
];

export const FEEDBACK: readonly { satisfaction: number; comment: string }[] = [
  { satisfaction: 5, comment: "办得很快，代表和工作人员都很负责，非常满意" },
  { satisfaction: 4, comment: "问题基本解决了，希望后续继续关注" },
  { satisfaction: 5, comment: "家门口就能反映问题，还有回音，点赞" },
  { satisfaction: 3, comment: "有改善，但还没有完全解决" },
  { satisfaction: 5, comment: "现场答复清楚，落实到位" },
  { satisfaction: 2, comment: "答复收到了，但实际变化不大" },
];

const CONCERNS_SHENGZE: Concern[] = [
  {
    topic: "停车难",
    question: "舜湖西路老小区晚上车位严重不够，很多车停在消防通道上，能不能想办法增加停车位？",
    answer: "这个问题很多居民都反映过。我们会请镇建设部门排查周边闲置地块，研究夜间错时共享停车的办法。",
    summary: "老小区夜间停车难、占用消防通道，建议新增车位并推行错时共享停车",
    followUp: {
      category: "交通出行",
      assignee: "盛泽镇建设局",
      progress: "已完成周边闲置地块摸排，初定新增临时停车位方案",
      resolution: "利用小区东侧闲置地块新增临时停车位120个，并与周边两家单位签订夜间错时共享协议，消防通道已施划禁停标线",
    },
  },
  {
    topic: "老旧小区加装电梯",
    question: "我们西白漾小区都是六层楼，老人上下楼太难了。加装电梯低层住户不同意，怎么协调？",
    answer: "加装电梯需要本单元业主协商一致。社区可以组织协调会，镇里也有补贴政策，我们会请社区牵头做好低层住户的工作。",
    summary: "老小区加装电梯低层住户意见不一，请社区牵头协调并讲解补贴政策",
    followUp: {
      category: "城市建设",
      assignee: "盛泽镇建设局、西白漾社区",
      progress: "社区已组织两次单元协调会，三个单元达成初步意向",
      resolution: "两个单元已签署加装协议并完成设计报审，镇建设局落实每台补贴，社区建立低层住户补偿协商机制",
    },
  },
  {
    topic: "河道保洁",
    question: "小区后面那条河水面上经常有垃圾漂着，夏天还有异味，希望加强保洁。",
    answer: "河道保洁有河长制责任人。我们把具体河段记下来，会后请镇水务站和河长一起去现场看。",
    draft: "河道保洁有河长制责任人。我们把具体河段记下来，会后请镇环卫所和河长一起去现场看。",
    summary: "小区后河道漂浮物多、夏季有异味，请水务站和河长现场查看",
    followUp: {
      category: "生态环境",
      assignee: "盛泽镇水务站",
      progress: "已增派保洁船，每日打捞两次，并排查沿河排口",
      resolution: "河段保洁频次由每周三次提高到每日两次，封堵两处雨污混接排口，水质监测恢复正常",
    },
  },
  {
    topic: "喷水织机噪音",
    question: "我家旁边的织造厂晚上机器一直开，噪音很大，孩子睡不好觉。",
    answer: "企业夜间生产必须符合噪声排放标准。我们会请生态环境部门夜间去测一下噪声，超标的要整改。",
    summary: "织造企业夜间噪声扰民，请生态环境部门夜间监测",
    note: "选民要求对其身份保密，已记录",
    followUp: {
      category: "生态环境",
      assignee: "吴江生态环境局盛泽分局",
      progress: "已两次夜间监测，噪声超标，已下达整改通知",
      resolution: "企业更换隔声门窗并调整夜间生产车间，复测噪声达标",
    },
  },
  {
    topic: "养老助餐",
    question: "社区长者食堂的饭菜不错，但是腿脚不好的老人过不去，能不能送餐上门？",
    answer: "这个建议很好。我们了解到镇里正在推广助餐配送，会推动把衡悦社区纳入送餐试点。",
    summary: "建议长者食堂为行动不便老人提供送餐上门服务",
    followUp: {
      category: "民生服务",
      assignee: "盛泽镇社会事业局",
      progress: "已与配餐企业洽谈，拟招募志愿者参与送餐",
      resolution: "社区长者食堂开通送餐上门服务，80岁以上及失能老人每餐另有补贴",
    },
  },
  {
    topic: "新市民子女入学",
    question: "我在盛泽打工十年了，孩子明年上小学，积分不够进不了家门口的学校，能不能照顾一下？",
    answer: "积分入学是全区统一的政策，我们把积分的计算方式给您讲一下，工作人员会后帮您核对能补充的积分项目。",
    summary: "新市民子女入学积分不足，现场解释政策，会后帮助核对可补充积分",
    followUp: {
      category: "教育文体",
      assignee: "盛泽镇社会事业局",
      progress: "",
      resolution: "",
      reject: "积分入学政策由区教育局统一制定，不属于镇级个案办理范围；已向选民解释政策并协助核对积分材料",
    },
  },
  {
    topic: "公交班次",
    question: "盛泽到吴江城区的公交班次太少，末班车也早，下夜班根本赶不上。",
    answer: "我们会把这个意见带给区交通运输部门，建议在早晚高峰加密班次、延长末班时间。",
    summary: "盛泽至吴江城区公交班次少、末班早，建议加密延时",
    followUp: {
      category: "交通出行",
      assignee: "区交通运输局",
      progress: "已开展客流调查，拟调整发车间隔",
      resolution: "该线路工作日高峰发车间隔由20分钟缩短为12分钟，末班车延后至21:30",
    },
  },
  {
    topic: "垃圾分类投放时间",
    question: "小区垃圾定时投放只有早上七点到九点，上班族根本赶不上，能不能调整时间？",
    answer: "投放时间可以根据居民作息调整，我们请社区征求意见后增加晚间投放时段。",
    summary: "垃圾定时投放时段不合理，建议增加晚间时段",
    followUp: {
      category: "城市管理",
      assignee: "盛泽镇城市管理办公室",
      progress: "社区已发放意见征询表",
      resolution: "增设晚间18:00—20:00投放时段，并在投放点加装照明和洗手池",
    },
  },
  {
    topic: "丝绸市场周边货车乱停",
    question: "东方丝绸市场周边货车乱停乱放，早上送孩子上学很堵，也不安全。",
    answer: "市场周边交通秩序需要交警和市场管理方一起治理，我们会建议设置货车临时停靠区。",
    summary: "丝绸市场周边货车乱停致拥堵，建议设置货车停靠区并加强执法",
    followUp: {
      category: "交通出行",
      assignee: "吴江公安分局盛泽交警中队",
      progress: "上下学时段已增派警力疏导",
      resolution: "在市场北侧划设货车临时停靠区40个，上下学时段禁止货车通行，违停纳入非现场执法",
    },
  },
  {
    topic: "农村道路破损",
    question: "黄家溪村到镇上的村道坑坑洼洼，下雨天全是积水，电瓶车骑着很危险。",
    answer: "农村道路提档升级有专项计划，我们会请农业农村部门把这条路列入今年的修缮计划。",
    summary: "黄家溪村村道破损积水，建议列入农村道路提档升级计划",
    followUp: {
      category: "农业农村",
      assignee: "盛泽镇农业农村局",
      progress: "已完成路况勘察和预算编制",
      resolution: "村道1.2公里完成沥青罩面并新建排水边沟，雨天积水问题解决",
    },
  },
  {
    topic: "电动自行车充电",
    question: "楼里好多人从窗户拉电线给电瓶车充电，太危险了，小区能不能装充电桩？",
    answer: "飞线充电是重大消防隐患，必须整治。我们建议社区和物业在小区里建集中充电车棚。",
    summary: "楼道飞线充电存在火灾隐患，建议建设集中充电设施",
    followUp: {
      category: "公共安全",
      assignee: "盛泽镇应急管理局",
      progress: "物业已选址，正在报批充电车棚建设方案",
      resolution: "小区新建集中充电车棚两处共160个充电口，开展飞线充电专项整治",
    },
  },
  {
    topic: "社区卫生服务站周末停诊",
    question: "社区卫生服务站周末不开门，老人配药要跑到镇医院，很不方便。",
    answer: "我们会和镇卫生院沟通，看能不能周末上午安排医生轮值，至少保证配药。",
    summary: "社区卫生服务站周末停诊，建议周末上午轮值配药",
    followUp: {
      category: "民生服务",
      assignee: "盛泽医院（镇卫生院）",
      progress: "已排出周末轮值表，待人员到岗",
      resolution: "社区卫生服务站周六、周日上午开诊，慢病患者可一次配足四周用药",
    },
  },
  {
    topic: "物业押金纠纷",
    question: "我搬家后物业一直不退装修押金，代表能不能帮我去找物业要回来？",
    answer: "您的情况我们了解了。押金纠纷属于您和物业公司之间的合同问题，社区有人民调解委员会，可以先去调解。",
    summary: "物业装修押金未退，建议通过社区人民调解解决",
    followUp: {
      category: "民生服务",
      assignee: "衡悦社区",
      progress: "",
      resolution: "",
      reject: "属业主与物业公司之间的民事合同纠纷，不属于代表督办事项；已告知可通过社区人民调解委员会或司法途径解决",
    },
  },
  {
    topic: "路灯损坏",
    question: "衡悦社区东边那条路好几盏路灯坏了一个多月，晚上黑乎乎的。",
    answer: "路灯维修比较快，工作人员会后就报给镇建设局。",
    summary: "衡悦社区东侧道路多盏路灯损坏，报修",
    followUp: {
      category: "城市建设",
      assignee: "盛泽镇建设局",
      progress: "已派维修班组现场检修",
      resolution: "更换损坏灯具7盏，线路老化段已整改",
    },
  },
  {
    topic: "菜场门口占道经营",
    question: "菜场门口的摊贩都摆到马路上了，早上车过不去，人也走不了。",
    answer: "占道经营影响通行，我们请综合执法部门加强管理，同时建议在菜场内增加临时摊位。",
    summary: "菜场门口占道经营，建议加强执法并增设场内临时摊位",
    followUp: {
      category: "城市管理",
      assignee: "盛泽镇综合行政执法局",
      progress: "早高峰已安排执法队员值守",
      resolution: "菜场内新增临时摊位30个，门口划定限时疏导区，占道经营基本消除",
    },
  },
  {
    topic: "健身器材老化",
    question: "小区里的健身器材好多都坏了，有的还有尖角，小孩玩很危险。",
    answer: "有安全隐患的器材要马上停用，我们请社区先围挡，再申请更换。",
    summary: "小区健身器材老化有安全隐患，请先围挡再更换",
    followUp: {
      category: "教育文体",
      assignee: "盛泽镇社会事业局",
      progress: "已围挡停用损坏器材，更换申请已上报",
      resolution: "更换健身器材12件，铺设塑胶地面",
    },
  },
  {
    topic: "消防通道",
    question: "我们楼下消防通道经常被占，万一有火灾怎么办？",
    answer: "消防通道严禁占用。今天会后物业就去张贴告知，屡次占用的交给执法部门处理。我们下次接待日会回访。",
    summary: "消防通道被占，物业当日张贴告知，下次接待日回访",
  },
  {
    topic: "群租房安全",
    question: "隔壁一套房子住了十几个人，进进出出很乱，也怕有安全问题。",
    answer: "群租房有专门的整治标准，我们请社区和派出所一起上门核查。",
    summary: "疑似群租房存在安全隐患，请社区和派出所上门核查",
    note: "地址已单独登记，不在公开记录中出现",
    followUp: {
      category: "公共安全",
      assignee: "盛泽派出所、衡悦社区",
      progress: "已上门核查，责令房东限期整改",
      resolution: "该房屋拆除违规隔断，居住人数降至标准以内，纳入出租房屋常态化巡查",
    },
  },
];

const CONCERNS_LILI: Concern[] = [
  {
    topic: "古镇民宿噪音",
    question: "古镇里民宿越来越多，周末游客半夜还在河边喝酒唱歌，我们老住户睡不着。",
    answer: "古镇要发展文旅，也要让原住民住得安心。我们建议出台民宿夜间管理公约，请古镇管理部门加强巡查。",
    summary: "古镇民宿游客夜间喧哗扰民，建议制定民宿夜间管理公约",
    followUp: {
      category: "文化旅游",
      assignee: "黎里古镇保护开发管理办公室",
      progress: "已召集民宿经营户座谈，起草夜间管理公约",
      resolution: "全镇民宿签订夜间安静公约，22:00后河埠头禁止聚集，增加夜间巡查",
    },
  },
  {
    topic: "老宅修缮审批",
    question: "我家是古镇里的老宅，屋顶漏雨想修一下，但审批要跑好几个部门，时间太长。",
    answer: "古建筑修缮要保护风貌，但流程可以优化。我们会建议推行一窗受理，并请专业人员上门指导。",
    summary: "古镇老宅修缮审批流程长，建议一窗受理并上门指导",
    followUp: {
      category: "文化旅游",
      assignee: "黎里镇规划建设局",
      progress: "已安排古建专家上门查看，修缮方案正在审核",
      resolution: "设立古镇民居修缮一窗受理窗口，审批时限压缩至10个工作日，该户修缮已完成",
    },
  },
  {
    topic: "节假日游客停车",
    question: "节假日游客的车都停进我们居民区了，我们自己下班回来没地方停。",
    answer: "节假日要做好游客停车引导，我们会建议在景区外围设置临时停车场和接驳车。",
    summary: "节假日游客车辆挤占居民区车位，建议外围停车加接驳",
    followUp: {
      category: "交通出行",
      assignee: "黎里镇交通运输管理所",
      progress: "已选定景区外围两处临时停车场",
      resolution: "节假日启用外围临时停车场两处及免费接驳车，居民区实行居民车辆登记通行",
    },
  },
  {
    topic: "驳岸松动",
    question: "市河边有一段石驳岸松动了，有老人在那里洗东西，怕掉下去。",
    answer: "这是安全隐患，我们会后就请水务部门去现场看，先设置警示。",
    draft: "这是安全隐患，我们下个月请水务部门去现场看，先设置警示。",
    summary: "古镇市河石驳岸松动，请水务部门现场查看并设警示",
    followUp: {
      category: "生态环境",
      assignee: "黎里镇水务站",
      progress: "已设置警示围挡，按古建要求制定修复方案",
      resolution: "按原工艺修复驳岸约30米，加装隐蔽式护栏",
    },
  },
  {
    topic: "村道会车难",
    question: "三好村到镇上的路太窄了，两辆车碰到一起要倒很远，能不能拓宽或者加几个会车点？",
    answer: "拓宽涉及土地，周期较长；加会车点比较快，我们会请农业农村部门先做会车点。",
    summary: "三好村村道窄会车难，建议先增设会车点",
    followUp: {
      category: "农业农村",
      assignee: "黎里镇农业农村局",
      progress: "已确定6处会车点位置",
      resolution: "新建会车点6处，急弯处加装凸面镜和警示桩",
    },
  },
  {
    topic: "农房翻建",
    question: "我家的老房子想翻建，村里说要符合规划，具体要怎么办手续？",
    answer: "农房翻建要符合村庄规划和宅基地政策。工作人员会后把办理流程和需要的材料打印给您。",
    summary: "咨询农房翻建手续，现场解答并提供办事指南",
  },
  {
    topic: "居家养老服务",
    question: "村里年轻人都出去了，老人很多，能不能在村里办个助餐点或者日间照料？",
    answer: "这是我们一直关注的事。村里党群服务中心有空间，我们会推动设立助餐点和日间照料中心。",
    summary: "建议在三好村设立老年助餐点和日间照料中心",
    followUp: {
      category: "民生服务",
      assignee: "黎里镇民政办",
      progress: "已完成场地改造设计",
      resolution: "三好村助餐点和日间照料中心投入使用，每天供应午餐",
    },
  },
  {
    topic: "垃圾清运不及时",
    question: "村里垃圾分类亭的垃圾有时候两三天才运走，天热有味道。",
    answer: "美丽乡村建设里垃圾清运是基本要求，我们请环卫部门调整清运频次。",
    summary: "村垃圾分类亭清运不及时，请调整清运频次",
    followUp: {
      category: "生态环境",
      assignee: "黎里镇城市管理办公室",
      progress: "已与清运公司约谈",
      resolution: "夏季清运调整为每日一次，清运公司纳入月度考核",
    },
  },
  {
    topic: "文化节交通管制",
    question: "梨花文化节那几天交通管制，我们村里人去镇上看病都绕很远的路。",
    answer: "大型活动期间也要保障居民出行。我们会建议为本地居民设置专用通道，提前公布管制方案。",
    summary: "文化节交通管制影响居民出行，建议设居民通道并提前公告",
    followUp: {
      category: "文化旅游",
      assignee: "黎里镇文体旅游服务中心",
      progress: "",
      resolution: "下一届文化节方案已增设居民专用通道和就医绿色通道，管制方案提前7天公告",
    },
  },
  {
    topic: "公交间隔太长",
    question: "三好村到镇区的公交一个小时才一班，老人去医院很不方便。",
    answer: "我们会向区交通运输部门反映，争取增加班次或开通预约响应式公交。",
    summary: "三好村公交间隔长，建议加密班次或开通预约公交",
    followUp: {
      category: "交通出行",
      assignee: "区交通运输局",
      progress: "拟试点预约响应式公交",
      resolution: "开通村镇预约响应式公交，电话或小程序预约，平均候车时间缩短到20分钟",
    },
  },
  {
    topic: "少儿书法班",
    question: "柳亚子先生是我们黎里人，希望黎川书院多办些诗词、书法的少儿公益班。",
    answer: "这个建议很有意义。黎川书院工作室会联系文化站，假期开设诗词和书法公益班。",
    summary: "建议黎川书院开设少儿诗词书法公益班",
    followUp: {
      category: "教育文体",
      assignee: "黎里镇文体旅游服务中心",
      progress: "已招募书法、诗词志愿教师",
      resolution: "暑期开设少儿诗词、书法公益班各两期，共120名孩子参加",
    },
  },
  {
    topic: "防范电信诈骗",
    question: "我母亲前几天差点被冒充客服的人骗了，老人防骗意识太差了。",
    answer: "我们会请派出所来古镇和村里多做几场反诈宣传，工作人员也会帮您母亲装好国家反诈APP。",
    summary: "老人险遭电信诈骗，建议加强反诈宣传，现场协助安装反诈APP",
    note: "已协助安装国家反诈中心APP",
  },
  {
    topic: "农田灌溉泵站老化",
    question: "村里的灌溉泵站用了二十多年了，经常坏，耽误插秧。",
    answer: "农田水利关系粮食生产，我们会请农业农村部门尽快检修，纳入更新改造计划。",
    summary: "灌溉泵站老化频繁故障，建议检修并纳入更新改造",
    followUp: {
      category: "农业农村",
      assignee: "黎里镇农业农村局",
      progress: "已完成临时检修，更新项目已申报",
      resolution: "泵站机组整体更换，配套建设智能控制柜",
    },
  },
  {
    topic: "邻里房屋纠纷",
    question: "邻居家翻建把墙砌到了我家地上，请代表帮我做主。",
    answer: "邻里之间的宅基地界址问题，建议先由村调解委员会和司法所调解，我们会关注调解结果。",
    summary: "邻里宅基地界址纠纷，引导至村调解委员会和司法所",
    followUp: {
      category: "民生服务",
      assignee: "黎里镇司法所",
      progress: "",
      resolution: "",
      reject: "属邻里宅基地界址民事纠纷，已引导至村调解委员会和镇司法所调解，不作为意见建议交办",
    },
  },
];

const CONCERNS_TONGLI: Concern[] = [
  {
    topic: "老旧小区加装电梯",
    question: "我们小区是九十年代的房子，加装电梯的补贴怎么申请？要多少户同意？",
    answer: "按照规定需要本单元业主协商一致。镇里有补贴，工作人员会后给您一份申请指南，社区也可以帮助协调。",
    summary: "咨询老旧小区加装电梯补贴和同意比例，提供申请指南",
    followUp: {
      category: "城市建设",
      assignee: "同里镇建设管理所",
      progress: "社区已组织单元业主意见征询",
      resolution: "该单元加装电梯完成报建，镇级补贴已批复",
    },
  },
  {
    topic: "景区门禁影响居民",
    question: "古镇景区门禁管得严，我们居民家的亲戚来做客也要买票，能不能想想办法？",
    answer: "居民和亲友进出应该有便利通道，我们会建议景区推行居民亲友预约登记。",
    summary: "景区门禁影响居民亲友来访，建议推行亲友预约登记",
    followUp: {
      category: "文化旅游",
      assignee: "同里古镇景区管理委员会",
      progress: "正在开发居民亲友预约功能",
      resolution: "上线居民亲友线上预约，每户每月可预约不限次数",
    },
  },
  {
    topic: "河道水质",
    question: "同里湖边上的小河最近水发黑，是不是有人偷排？",
    answer: "我们会请生态环境部门和河长去排查排口，查到偷排的一定严肃处理。",
    summary: "河道水体发黑疑似偷排，请排查排口",
    followUp: {
      category: "生态环境",
      assignee: "吴江生态环境局同里分局",
      progress: "已排查出一处餐饮店违规排放",
      resolution: "责令餐饮店整改并处罚，河道清淤后水质恢复",
    },
  },
  {
    topic: "菜场停车难",
    question: "菜场周边没有停车的地方，大家都停在马路边，经常堵车。",
    answer: "我们建议利用菜场楼顶或旁边空地建停车场，同时设置临时停车泊位。",
    summary: "菜场周边停车难导致拥堵，建议增设停车泊位",
    followUp: {
      category: "交通出行",
      assignee: "同里镇建设管理所",
      progress: "已划设临时泊位，楼顶停车场在可行性论证中",
      resolution: "菜场周边新增限时停车泊位60个，早市时段安排专人疏导",
    },
  },
  {
    topic: "日间照料中心",
    question: "老伴失智了，白天我要上班，社区的日间照料中心能不能接收这样的老人？",
    answer: "镇里正在建认知症照护专区，我们会帮您对接，先了解一下评估的流程。",
    summary: "失智老人日间照料需求，对接认知症照护专区",
    note: "家庭情况困难，建议民政办上门走访",
    followUp: {
      category: "民生服务",
      assignee: "同里镇民政办",
      progress: "已上门评估，等待照护专区开放",
      resolution: "认知症照护专区开放，该老人已入托，享受护理补贴",
    },
  },
  {
    topic: "农村桥梁老旧",
    question: "北联村那座老桥栏杆都锈断了，孩子上学每天要走，太危险。",
    answer: "桥梁安全不能等，会后就请交通部门去检测，先做临时防护。",
    draft: "桥梁安全不能等，下周请交通部门去检测，先做临时防护。",
    summary: "北联村老桥栏杆锈断，请检测并临时防护",
    followUp: {
      category: "农业农村",
      assignee: "同里镇交通管理所",
      progress: "已临时加固栏杆，完成桥梁检测",
      resolution: "老桥完成维修加固，更换全部栏杆",
    },
  },
  {
    topic: "垃圾分类督导",
    question: "小区垃圾分类督导员只在早上，晚上乱扔的很多。",
    answer: "我们建议晚上增加志愿者督导，同时对乱扔行为加强宣传。",
    summary: "垃圾分类夜间乱投放，建议增加晚间督导",
    followUp: {
      category: "城市管理",
      assignee: "同里镇城市管理办公室",
      progress: "已招募晚间督导志愿者",
      resolution: "晚间增设督导员，投放准确率明显提升",
    },
  },
  {
    topic: "学位紧张",
    question: "新小区住进来很多年轻家庭，家门口的幼儿园学位不够，以后怎么办？",
    answer: "学位规划是区里统筹的，我们会把小区入住情况反映上去，建议加快新幼儿园建设。",
    summary: "新小区幼儿园学位紧张，建议加快新园建设",
    followUp: {
      category: "教育文体",
      assignee: "区教育局",
      progress: "新幼儿园已列入明年建设计划",
      resolution: "新建幼儿园已开工，明年秋季开园前通过扩班增加学位90个",
    },
  },
  {
    topic: "地铁站公交接驳",
    question: "地铁到了同里站，但我们屯村过去没有公交，能不能开接驳线？",
    answer: "轨道交通接驳是群众关心的大事，我们会提交建议，请求开通屯村到同里站的接驳公交。",
    summary: "建议开通屯村至地铁同里站接驳公交",
    followUp: {
      category: "交通出行",
      assignee: "区交通运输局",
      progress: "接驳线路方案已完成客流测算",
      resolution: "开通屯村至地铁同里站接驳公交，高峰15分钟一班",
    },
  },
  {
    topic: "卫生院专家门诊",
    question: "镇卫生院能不能请城里的专家定期来坐诊？老人去苏州看病太远。",
    answer: "镇卫生院和区医院有医联体，我们会建议每周安排专家下沉坐诊。",
    summary: "建议区医院专家定期到镇卫生院坐诊",
    followUp: {
      category: "民生服务",
      assignee: "同里镇卫生院",
      progress: "已与区第一人民医院对接",
      resolution: "每周二、周四安排区医院专家坐诊，可线上预约",
    },
  },
  {
    topic: "宅基地纠纷",
    question: "我家和邻居的宅基地边界一直有争议，村里调解了几次都没结果。",
    answer: "宅基地权属纠纷有法定处理程序，我们请司法所帮助调解，调解不成可以依法申请确权。",
    summary: "宅基地边界纠纷多次调解未果，引导依法处理",
    followUp: {
      category: "民生服务",
      assignee: "同里镇司法所",
      progress: "",
      resolution: "",
      reject: "属宅基地权属民事纠纷，已引导至镇司法所调解及依法申请确权，不作为意见建议交办",
    },
  },
  {
    topic: "电动车进楼道",
    question: "楼道里停满了电动车，还有人推进电梯，太危险了。",
    answer: "电动车进楼入户是消防大忌，我们请物业落实电梯阻车系统，社区开展专项整治。",
    summary: "电动车进楼道、进电梯，建议加装阻车系统并专项整治",
    followUp: {
      category: "公共安全",
      assignee: "同里镇应急管理办公室",
      progress: "物业已采购电梯阻车设备",
      resolution: "小区电梯全部加装阻车系统，楼道电动车全部清出",
    },
  },
  {
    topic: "食品安全",
    question: "学校门口的小摊卖的零食没有标签，孩子吃了拉肚子。",
    answer: "校园周边食品安全必须严管，我们请市场监管部门去查。",
    summary: "校门口流动摊贩销售三无食品，请市场监管查处",
    followUp: {
      category: "民生服务",
      assignee: "同里市场监督管理所",
      progress: "已开展校园周边专项检查",
      resolution: "取缔无证流动摊贩3处，校园周边纳入日常巡查",
    },
  },
];

export const CONCERNS: Record<Town, readonly Concern[]> = {
  盛泽镇: CONCERNS_SHENGZE,
  黎里镇: CONCERNS_LILI,
  同里镇: CONCERNS_TONGLI,
};
