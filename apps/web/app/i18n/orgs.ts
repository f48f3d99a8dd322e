/**
 * Messages of the organisation-tree pages: /admin/orgs. Keys start with "orgs.". The English object is typed against the Chinese one, so a missing
 * translation fails the type-check.
 */
export const orgsZhCN = {
  'orgs.page.title': '组织架构',
};

export const orgsEn: Record<keyof typeof orgsZhCN, string> = {
  'orgs.page.title': 'Organisations',
};
