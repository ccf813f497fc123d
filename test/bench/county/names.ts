// Names for the generated county: townships, villages and villagers, plausible rather than real.
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万钱严覃武戴莫孔向常',
];
const GIVEN_F = [...'秀英桂兰玉梅淑珍凤霞翠花春兰金凤素芬美华冬梅丽娟月娥巧云彩霞红梅银花小芳'];
const GIVEN_M = [...'建国志明德福长庚国强卫东永生海波明亮振华文斌宝山家旺春生铁柱全福学军'];
const TOWN_A = [...'青石白云双河龙泉桃源柳溪凤凰清水金山银杏松林梅岭竹园石门高桥新塘'];
const TOWN_B = ['镇', '乡'];
const VILLAGE_A = [...'三和永安太平兴隆长乐富民红星东升前进光明新华向阳团结友谊丰收安康'];

export const COUNTY = '青山县';

export function pick<T>(list: readonly T[], r: number): T {
  return list[Math.floor(r * list.length) % list.length]!;
}

export function townshipName(i: number): string {
  const a = TOWN_A[i % TOWN_A.length]!;
  const b = TOWN_A[Math.floor(i / TOWN_A.length) % TOWN_A.length]!;
  return `${a}${b}${TOWN_B[i % 2]}`;
}

export function villageName(i: number): string {
  const a = VILLAGE_A[i % VILLAGE_A.length]!;
  const b = VILLAGE_A[Math.floor(i / VILLAGE_A.length) % VILLAGE_A.length]!;
  return `${a}${b}村`;
}

export function personName(rand: () => number, female: boolean): string {
  const given = female ? GIVEN_F : GIVEN_M;
  const two = rand() < 0.7;
  return pick(SURNAMES, rand()) + pick(given, rand()) + (two ? pick(given, rand()) : '');
}

export const NEED_TITLES: Record<string, readonly string[]> = {
  MEALS: ['送午饭', '送晚饭', '帮忙做饭'],
  BATHING: ['帮忙洗澡', '洗头理发'],
  CLEANING: ['打扫房间', '清洗被褥', '打扫院子'],
  MEDICAL_ESCORT: ['陪同去镇卫生院', '陪同去县医院复查', '代取药品'],
  MOBILITY: ['陪同散步', '推轮椅出门'],
  EMERGENCY: ['夜间紧急看护'],
  COMPANIONSHIP: ['聊天陪伴', '读报陪伴', '陪看戏'],
  VISIT: ['上门看望'],
  ERRAND: ['代买生活用品', '代缴电费', '代寄快递'],
  REPAIR: ['修理电灯', '修水管', '修补屋顶'],
  FARM_WORK: ['帮忙收玉米', '帮忙插秧', '菜地浇水'],
  OTHER: ['帮忙办理医保', '教用智能手机'],
};

export const PRODUCTS: readonly [string, number][] = [
  ['食用油 1升', 60],
  ['大米 5斤', 50],
  ['挂面', 12],
  ['鸡蛋 10个', 20],
  ['洗衣粉', 18],
  ['肥皂', 6],
  ['牙膏', 10],
  ['毛巾', 12],
  ['酱油', 10],
  ['食盐', 4],
  ['卫生纸', 15],
  ['老花镜', 40],
];
