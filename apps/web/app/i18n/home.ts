/**
 * The home page (/) and her own start page (/app) with its next steps.
 * Keys start with "home.". The English in ./home.en.ts is typed against this object, so a
 * missing translation fails the type-check; both are spread into zh-CN.ts / en.ts.
 */
export const homeZhCN = {
  'home.page.home': '首页',
  'home.page.app': '我的学堂',

  'home.heading': '在手机上学习、考证、就业',
  'home.intro': 'Hearth 巾帼学堂是妇联组织的免费培训与认证平台。报名、上课签到、考核和证书，都可以在手机上完成。',
  'home.whoFor': '为谁服务',
  'home.mothers.title': '爱心妈妈（志愿者）',
  'home.mothers.body': '在与留守儿童、困境儿童结对之前，需要先学完《未成年人保护法》等法律课程和儿童关爱课程，并取得证书。',
  'home.migrants.title': '进城务工妇女',
  'home.migrants.body': '免费参加家政、育婴、养老护理等职业技能课程，考核合格后获得证书。',
  'home.referrals.title': '推荐就业',
  'home.referrals.body': '经您本人同意后，妇女俱乐部会把取得证书的学员推荐给合作的用人单位。',
  'home.signedIn': '您已登录。',
  'home.goToApp': '进入我的学堂',
  'home.registerCta': '注册新账号',
  'home.signInCta': '已有账号，登录',

  'home.app.greeting': '您好，{name}',
  'home.app.role': '身份',
  'home.app.org': '所属组织',
  'home.app.noOrg': '暂未加入组织',
  'home.app.nextSteps': '下一步',
  'home.app.comingSoon': '这些功能正在陆续上线。',

  'home.steps.volunteer_mother.law': '学完《未成年人保护法》等必修法律课程。',
  'home.steps.volunteer_mother.care': '学完儿童关爱必修课程。',
  'home.steps.volunteer_mother.pairing': '取得证书后，妇联会为您安排结对的儿童。',
  'home.steps.migrant_worker.browse': '浏览免费的职业技能课程，选择合适的班级报名。',
  'home.steps.migrant_worker.attend': '按时上课签到，参加考核。',
  'home.steps.migrant_worker.certificate': '考核合格获得证书；您同意后，俱乐部可以把您推荐给用人单位。',
  'home.steps.instructor.today': '查看今天的课程安排。',
  'home.steps.instructor.attendance': '每节课为学员签到，记录考勤。',
  'home.steps.instructor.grades': '录入实操考核成绩。',
  'home.steps.coordinator.classes': '开设班级，安排讲师和上课时间。',
  'home.steps.coordinator.learners': '管理学员和讲师账号。',
  'home.steps.coordinator.certificates': '为达到要求的学员发放证书。',
  'home.steps.coordinator.referrals': '把取得证书的学员推荐给用人单位。',
  'home.steps.admin.orgs': '维护组织架构（省、市、县、俱乐部、服务站）。',
  'home.steps.admin.courses': '编写和发布课程：课时、出勤和考核要求、证书有效期。',
  'home.steps.admin.dashboard': '查看数据看板：学员人数、出勤率、发证数量和就业情况。',
  'home.steps.employer.candidates': '查看俱乐部推荐给您的候选人。',
  'home.steps.employer.outcomes': '更新面试和录用结果。',

  'home.browseCourses': '浏览免费课程',

  'home.app.shortcuts': '常用功能',

  'home.steps.learner.myClasses': '查看我报名的班级、上课时间和地点。',
  'home.steps.coordinator.import': '用 CSV 表格批量导入学员，可以直接报名到班级。',
  'home.steps.admin.classes': '查看和开设各地的班级。',
} as const;
