/**
 * Messages of choosing her club or station when she registers (keys "joinOrg.") and of classes
 * too late to finish (keys "lateClass."). The English object is typed against this one.
 */
export const joinOrgZhCN = {
  'account.joinOrg.legend': '您所在的俱乐部或服务站',
  'account.joinOrg.hint': '输入俱乐部或服务站名称中的几个字，点“查找”，再从结果中选择。工作人员会在这里看到您。',
  'account.joinOrg.search.label': '俱乐部或服务站名称',
  'account.joinOrg.search.submit': '查找',
  'account.joinOrg.results': '名称包含“{q}”的有 {n} 个：',
  'account.joinOrg.resultsMore': '名称包含“{q}”的有 {n} 个，下面列出前 {shown} 个。请输入更多文字缩小范围。',
  'account.joinOrg.none': '没有名称包含“{q}”的俱乐部或服务站。请换个词试试，或问问工作人员。',
  'account.joinOrg.required': '请先查找并选择您所在的俱乐部或服务站。',
  'account.joinOrg.kind.club': '俱乐部',
  'account.joinOrg.kind.station': '服务站',
  'classes.late.badge': '已来不及完成',
  'classes.late.why': '这个班已经上过 {held} 次课，剩下的课即使全部参加，也达不到出勤率 {pct}% 或 {hours} 学时的要求，拿不到证书，所以不能再报名。',
  'classes.late.next': '请报名下一期：{org}，{starts} 开课。',
  'classes.late.noNext': '暂时没有下一期班级，请稍后再来看看，或联系俱乐部。',
  'classes.late.nextLink': '去看下一期班级',
  'classes.late.staffWarning': '已报名，但这个班剩下的课已经不够她达到出勤或学时要求，她拿不到这门课的证书。如果是补录已经上过的课，请记得补登考勤。',
};
