// The demo village's open needs: one-off ones in the coming week and two recurring ones, each
// for an elder of demo-people.ts by name. Seeded by demo.seed.ts.
import type { ServiceCategory } from '../schema/enums.schema';

export const NEEDS: {
  title: string;
  description: string;
  category: ServiceCategory;
  beneficiary: string;
  inDays: number;
  hour: number;
  minutes: number;
  slots: number;
}[] = [
  {
    title: '给赵奶奶送午饭',
    description: '中午11点半送到家，饭菜要软一些',
    category: 'MEALS',
    beneficiary: '赵玉梅',
    inDays: 1,
    hour: 11,
    minutes: 30,
    slots: 1,
  },
  {
    title: '陪孙大爷去镇卫生院复查',
    description: '带上医保卡和上次的化验单',
    category: 'MEDICAL_ESCORT',
    beneficiary: '孙德福',
    inDays: 2,
    hour: 8,
    minutes: 180,
    slots: 1,
  },
  {
    title: '帮周奶奶洗澡',
    description: '需要两位女性志愿者',
    category: 'BATHING',
    beneficiary: '周桂香',
    inDays: 3,
    hour: 15,
    minutes: 60,
    slots: 2,
  },
  {
    title: '打扫吴大爷家院子',
    description: '院子落叶多，顺便看看屋顶漏不漏',
    category: 'CLEANING',
    beneficiary: '吴长庚',
    inDays: 4,
    hour: 9,
    minutes: 90,
    slots: 2,
  },
  {
    title: '陪赵奶奶聊聊天',
    description: '老人一个人住，喜欢听花鼓戏',
    category: 'COMPANIONSHIP',
    beneficiary: '赵玉梅',
    inDays: 5,
    hour: 14,
    minutes: 60,
    slots: 1,
  },
  {
    title: '帮孙大爷收晚稻',
    description: '两亩田，自带镰刀',
    category: 'FARM_WORK',
    beneficiary: '孙德福',
    inDays: 7,
    hour: 7,
    minutes: 240,
    slots: 3,
  },
];

/**
 * The two recurring needs of the village: the weekday meal round and the Saturday bath. Their
 * occurrences of the next two weeks are written with them, as postSeries writes them; the nightly
 * needs.series job writes the days after.
 */
export const SERIES: {
  title: string;
  description: string;
  category: ServiceCategory;
  beneficiary: string;
  /** ISO weekdays, 1 Monday ... 7 Sunday. */
  weekdays: number[];
  hour: number;
  minutes: number;
}[] = [
  {
    title: '给周奶奶送午饭',
    description: '村委会食堂打饭，送到家趁热吃',
    category: 'MEALS',
    beneficiary: '周桂香',
    weekdays: [1, 2, 3, 4, 5],
    hour: 11,
    minutes: 30,
  },
  {
    title: '帮孙大爷洗澡',
    description: '两个人扶，浴室有防滑垫',
    category: 'BATHING',
    beneficiary: '孙德福',
    weekdays: [6],
    hour: 15,
    minutes: 60,
  },
];
