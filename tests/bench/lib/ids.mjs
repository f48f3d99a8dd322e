// Deterministic identifiers built from integers: cheap to generate, and the same on every run.

/** Table tags inside the UUIDs, so an id says what it is (be0000TT-0000-4000-8000-<n in hex>). */
export const TAG = { org: 1, user: 2, employer: 3, class: 4, session: 5, enrollment: 6, certificate: 7, job: 8, referral: 9 };

const HEX = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, '0'));

/** A valid version-4-shaped UUID (the API's validators accept only those) for the n-th row of a table. */
export function uuid(tag, n) {
  // 12 hex digits = 48 bits; n stays far below 2^48.
  const hi = Math.floor(n / 0x1000000);
  const lo = n % 0x1000000;
  return `be0000${HEX[tag]}-0000-4000-8000-${hi.toString(16).padStart(6, '0')}${lo.toString(16).padStart(6, '0')}`;
}

/** The integer back from a uuid() value. */
export function uuidIndex(id) {
  return parseInt(id.slice(24), 16);
}

const MOBILE_MUL = 387_420_489; // 3^18: coprime with 10^9, so the mapping below is a bijection

/**
 * A unique mainland mobile number (^1[3-9]\d{9}$) for every integer below 10^9: the second digit
 * cycles 3..9 and the other nine digits are an affine bijection of n, so the numbers look random.
 */
export function phone(n) {
  const rest = (n * MOBILE_MUL + 123_456_789) % 1_000_000_000;
  return `1${3 + (n % 7)}${String(rest).padStart(9, '0')}`;
}

/** Phone-number blocks: users take [0, 5e8); the CSV-import case takes later, per-run blocks. */
export const IMPORT_PHONE_BASE = 500_000_000;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '秀英兰芳丽敏静燕娟霞玲桂珍梅红艳萍华云莉婷雪琳娜慧春凤琴洁琼淑芬玉颖晓妍倩欣怡佳蓉琪丹岚薇璐瑶';

/** A plausible Chinese woman's name (two or three characters). */
export function personName(n) {
  const a = Math.imul(n, 0x9e3779b1) >>> 0;
  const surname = SURNAMES[a % SURNAMES.length];
  const g1 = GIVEN[(a >>> 8) % GIVEN.length];
  if ((a >>> 20) % 4 === 0) return surname + g1;
  return surname + g1 + GIVEN[(a >>> 14) % GIVEN.length];
}
