/**
 * The organisation tree (/admin/orgs), organisation kinds and the organisation picker.
 * Keys start with "orgs.". The English in ./orgs.en.ts is typed against this object, so a
 * missing translation fails the type-check; both are spread into zh-CN.ts / en.ts.
 */
export const orgsZhCN = {
  'orgs.page.title': '组织架构',
  'orgs.heading': '组织架构',
  'orgs.intro': '逐级查看您管辖的妇联、俱乐部和服务站点，并添加下级组织。',
  'orgs.path': '所在层级',
  'orgs.counts': '下级组织 {children} 个 · 学员 {learners} 人',
  'orgs.dashboard': '查看这个组织的数据看板',
  'orgs.children.heading': '下级组织（{n}）',
  'orgs.children.empty': '还没有下级组织。',
  'orgs.children.new': '新添加',

  'orgs.search.label': '按名称查找组织',
  'orgs.search.hint': '在您管辖的全部组织中查找，输入名称的一部分即可，例如“金塔”。',
  'orgs.search.submit': '查找',
  'orgs.search.tooLong': '最多输入 {max} 个字。',
  'orgs.search.heading': '名称包含“{q}”的组织（{n}）',
  'orgs.search.empty': '没有找到名称包含“{q}”的组织。请换个词试试。',
  'orgs.search.back': '返回组织架构',

  'orgs.create.heading': '添加下级组织',
  'orgs.create.intro': '新组织将放在“{name}”下面。',
  'orgs.create.name': '名称',
  'orgs.create.nameHint': '请写全称，例如“金塔镇爱心妈妈驿站”。',
  'orgs.create.kind': '层级',
  'orgs.create.kindHint': '只能选比“{kind}”低的层级。',
  'orgs.create.submit': '添加',
  'orgs.create.done': '已添加“{name}”。',
  'orgs.create.open': '打开“{name}”',
  'orgs.create.lowest': '服务站点是最基层的组织，下面不能再添加组织。',

  'orgs.error.name': '请填写名称，1 到 {max} 个字。',
  'orgs.error.nameTaken': '这个上级组织下面已经有叫“{name}”的组织了，请换一个名称。',
  'orgs.error.kind': '请选择比上级组织低的层级。',
  'orgs.error.parent': '找不到上级组织，它可能已不在您的管辖范围内。请返回组织架构重新打开。',

  'orgs.kind.national': '全国妇联',
  'orgs.kind.province': '省妇联',
  'orgs.kind.city': '市妇联',
  'orgs.kind.county': '县妇联',
  'orgs.kind.club': '妇女俱乐部',
  'orgs.kind.station': '服务站点',

  'orgs.picker.search.label': '按名称查找组织',
  'orgs.picker.search.hint': '组织太多，无法全部列出。输入组织名称中的几个字，点“查找组织”，再到下面的列表中选择。',
  'orgs.picker.search.submit': '查找组织',
  'orgs.picker.search.filterHint': '组织太多，无法全部列出。输入组织名称中的几个字，点“{button}”，再到下面的列表中选择。',
  'orgs.picker.search.clear': '清除查找',
  'orgs.picker.option': '{name}（{kind}）',
  'orgs.picker.first': '共有 {n} 个组织，下面只列出前 {shown} 个。找不到时，请在上面按名称查找。',
  'orgs.picker.matches': '名称包含“{q}”的组织有 {n} 个，都已列在下面。',
  'orgs.picker.matchesMore': '名称包含“{q}”的组织有 {n} 个，下面只列出前 {shown} 个。请输入更多文字缩小范围。',
  'orgs.picker.none': '没有名称包含“{q}”的组织。请换个词试试。',
} as const;
