import type { LearnerType, OrgKind, Role } from '@hearth/contracts';

/** Demo organisations, named after the real programmes in the news reports (see README). */
export interface DemoOrg {
  key: string;
  parent: string | null;
  kind: OrgKind;
  name: string;
}

export const DEMO_ORGS: DemoOrg[] = [
  { key: 'national', parent: null, kind: 'national', name: '全国妇联（演示）' },
  { key: 'gansu', parent: 'national', kind: 'province', name: '甘肃省妇联' },
  { key: 'jiuquan', parent: 'gansu', kind: 'city', name: '酒泉市妇联' },
  { key: 'jinta', parent: 'jiuquan', kind: 'county', name: '金塔县妇联' },
  { key: 'jinta-club', parent: 'jinta', kind: 'club', name: '金塔县爱心妈妈志愿服务队' },
  { key: 'jinta-station', parent: 'jinta-club', kind: 'station', name: '金塔县金塔镇爱心妈妈驿站' },
  { key: 'sichuan', parent: 'national', kind: 'province', name: '四川省妇联' },
  { key: 'deyang', parent: 'sichuan', kind: 'city', name: '德阳市妇联' },
  { key: 'zhongjiang', parent: 'deyang', kind: 'county', name: '中江县妇联' },
  { key: 'zhongjiang-club', parent: 'zhongjiang', kind: 'club', name: '中江县爱心妈妈志愿服务队' },
  { key: 'zhongjiang-station', parent: 'zhongjiang-club', kind: 'station', name: '中江县凯江镇爱心妈妈驿站' },
  { key: 'fujian', parent: 'national', kind: 'province', name: '福建省妇联' },
  { key: 'fuzhou', parent: 'fujian', kind: 'city', name: '福州市妇联' },
  { key: 'jinan', parent: 'fuzhou', kind: 'county', name: '晋安区妇联' },
  { key: 'fuzhou-club', parent: 'jinan', kind: 'club', name: '村童妈妈俱乐部' },
  { key: 'fuzhou-station', parent: 'fuzhou-club', kind: 'station', name: '鼓山镇茶会社区服务点' },
];

export const DEMO_PASSWORD = 'Hearth@2026';

export interface DemoUser {
  phone: string;
  name: string;
  role: Role;
  org: string;
  learnerType?: LearnerType;
  employer?: string;
  what: string;
}

export const DEMO_EMPLOYERS = [
  { key: 'jiajiafu', org: 'fuzhou-club', name: '福州家家福家政服务有限公司', industry: '家政服务', contactName: '陈经理', contactPhone: '13900000077' },
];

export const DEMO_USERS: DemoUser[] = [
  { phone: '13900000001', name: '王丽', role: 'admin', org: 'national', what: 'Federation admin (whole tree)' },
  { phone: '13900000008', name: '赵敏', role: 'admin', org: 'gansu', what: 'Gansu provincial federation admin' },
  { phone: '13900000002', name: '张洁', role: 'coordinator', org: 'fuzhou-club', what: 'Coordinator, Village Children Mothers Club (Fuzhou)' },
  { phone: '13900000006', name: '马秀兰', role: 'coordinator', org: 'jinta', what: 'Coordinator, Jinta County federation (Gansu)' },
  { phone: '13900000003', name: '林芳', role: 'instructor', org: 'fuzhou-station', what: 'Instructor, Gushan Town station' },
  { phone: '13900000009', name: '刘桂芝', role: 'instructor', org: 'jinta-station', what: 'Instructor, Jinta Town caring-mother station' },
  { phone: '13900000004', name: '李秀英', role: 'learner', org: 'fuzhou-club', learnerType: 'migrant_worker', what: 'Migrant worker learner' },
  { phone: '13900000005', name: '周春梅', role: 'learner', org: 'jinta-station', learnerType: 'volunteer_mother', what: 'Volunteer mother learner' },
  {
    phone: '13900000010',
    name: '王桂香',
    role: 'learner',
    org: 'fuzhou-club',
    learnerType: 'migrant_worker',
    what: 'Graduate of the last housekeeping class: certified, referred to the partner employer',
  },
  {
    phone: '13900000011',
    name: '黄美玲',
    role: 'learner',
    org: 'fuzhou-club',
    learnerType: 'migrant_worker',
    what: 'Graduate of the last housekeeping class: certified, agreed to referrals, not referred yet',
  },
  { phone: '13900000007', name: '陈建华', role: 'employer', org: 'fuzhou-club', employer: 'jiajiafu', what: 'Partner employer staff (housekeeping company)' },
];

/** Demo classes, dated relative to the day the demo is seeded so they are open when someone tries it. */
export interface DemoClass {
  course: string;
  org: string;
  instructor: string;
  /** Days from the seeding day to the first session (negative: already running). */
  startInDays: number;
  weeks: number;
  capacity: number;
  location: string;
  /** Demo learners (by phone) enrolled at seeding. */
  learners: string[];
  /** A finished class: its learners completed it and hold its certificate. */
  graduated?: boolean;
}

export const DEMO_CLASSES: DemoClass[] = [
  {
    course: 'VOC-HOUSE',
    org: 'fuzhou-station',
    instructor: '13900000003',
    startInDays: -42,
    weeks: 4,
    capacity: 20,
    location: '鼓山镇茶会社区活动室',
    learners: ['13900000010', '13900000011'],
    graduated: true,
  },
  {
    course: 'VOC-HOUSE',
    org: 'fuzhou-station',
    instructor: '13900000003',
    startInDays: 7,
    weeks: 4,
    capacity: 20,
    location: '鼓山镇茶会社区活动室',
    learners: [],
  },
  {
    course: 'VOC-ELDER',
    org: 'fuzhou-station',
    instructor: '13900000003',
    startInDays: -7,
    weeks: 6,
    capacity: 15,
    location: '鼓山镇茶会社区活动室',
    learners: ['13900000004'],
  },
  {
    course: 'LAW-MPL',
    org: 'jinta-station',
    instructor: '13900000009',
    startInDays: -3,
    weeks: 2,
    capacity: 40,
    location: '金塔镇爱心妈妈驿站',
    learners: ['13900000005'],
  },
  {
    course: 'CARE-SAFE',
    org: 'jinta-station',
    instructor: '13900000009',
    startInDays: 10,
    weeks: 1,
    capacity: 40,
    location: '金塔镇爱心妈妈驿站',
    learners: [],
  },
];

/** An opening at the partner employer for the graduates, and one graduate already referred to it (an interview arranged). */
export const DEMO_JOB = {
  employer: 'jiajiafu',
  title: '住家保洁员',
  description: '为鼓山镇家庭提供日常保洁，每周五天，包午餐。',
  location: '福州市晋安区鼓山镇',
  positions: 3,
  wageMin: 4000,
  wageMax: 5500,
  requiredCourse: 'VOC-HOUSE',
  createdBy: '13900000002',
};
export const DEMO_REFERRAL = { learner: '13900000010', consenting: ['13900000010', '13900000011'], steps: ['referred', 'contacted', 'interviewing'] as const };
