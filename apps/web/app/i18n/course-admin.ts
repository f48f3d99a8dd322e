/**
 * Messages of the course authoring pages: /admin/courses. Keys start with "courseAdmin.". The English object is typed against the Chinese one, so a missing
 * translation fails the type-check.
 */
export const courseAdminZhCN = {
  'courseAdmin.page.title': '课程管理',
};

export const courseAdminEn: Record<keyof typeof courseAdminZhCN, string> = {
  'courseAdmin.page.title': 'Courses',
};
