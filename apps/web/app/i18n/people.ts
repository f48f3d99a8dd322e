/**
 * Messages of the account (people) pages: /manage/people. Keys start with "people.". The English object is typed against the Chinese one, so a missing
 * translation fails the type-check.
 */
export const peopleZhCN = {
  'people.page.title': '账号管理',
};

export const peopleEn: Record<keyof typeof peopleZhCN, string> = {
  'people.page.title': 'Accounts',
};
