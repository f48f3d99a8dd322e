/**
 * Messages of the organisation select on forms (new class, new account, employers, the account
 * filter), which searches by name when there are too many organisations to list. Keys start with
 * "orgPicker.". The English object is typed against the Chinese one, so a missing translation fails the type-check.
 */
export const orgPickerZhCN = {
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
};
