/**
 * Messages of a learner's study path: her class page, its lessons, read-aloud, larger text, and
 * where she stands in each required course. Keys start with "learning.". The English object is
 * typed against this one, so a missing translation fails the type-check.
 */
export const learningZhCN = {
  'learning.page.class': '我的课堂',
  'learning.page.lesson': '课程内容',

  // Her classes, on /app and /my/classes
  'learning.home.heading': '我的课堂',
  'learning.open': '进入课堂',
  'learning.openHint': '课程内容、学习进度和测验',
  'learning.nextStepLabel': '下一步：',

  // The next step in one class
  'learning.next.certified': '您已取得这门课的证书。',
  'learning.next.waitlisted': '您在候补名单上（第 {n} 位）。有名额后会通知您，现在可以先看课程内容。',
  'learning.next.waitlistedNoPos': '您在候补名单上。有名额后会通知您，现在可以先看课程内容。',
  'learning.next.checkIn': '正在上课：请签到。',
  'learning.next.quiz': '复习课程内容，然后参加测验：{title}。',
  'learning.next.attend': '按时上课：{when}。',
  'learning.next.practical': '参加讲师的实操考核：{title}。',
  'learning.next.contact': '还有要求没有达到，班级也没有剩下的课。请联系协调员。',
  'learning.next.allMet': '所有要求都已达到，证书很快会发给您。',
  'learning.next.failed': '这个班级没有通过。可以再报名下一期。',
  'learning.next.heading': '下一步',

  // The class page
  'learning.class.lessons': '课程内容',
  'learning.class.lessonsCount': '共 {n} 课，点开阅读或收听。',
  'learning.class.noLessons': '这门课暂时没有线上内容，请按时到班级上课。',
  'learning.class.lessonHours': '{n} 学时',
  'learning.attendanceRule': '出勤率的算法：您出勤的课次 ÷ 到今天为止已经上过的课次。准时和迟到都算出勤；请假、缺勤和没有记考勤的课都不算。',

  // A lesson
  'learning.lesson.n': '第 {n} 课',
  'learning.lesson.of': '第 {n} 课，共 {total} 课',
  'learning.lesson.back': '← 返回我的课堂',
  'learning.lesson.prev': '← 上一课',
  'learning.lesson.next': '下一课 →',
  'learning.lesson.toQuiz': '学完了，去参加测验',
  'learning.lesson.done': '学完了，返回课堂',

  // Read aloud and larger text
  'learning.readAloud.stop': '停止朗读',
  'learning.readAloud.lesson': '朗读这一课',
  'learning.readAloud.question': '朗读第 {n} 题',
  'learning.text.larger': '大字',
  'learning.text.normal': '标准字号',

  // Readiness: where she stands in each required course
  'certificates.readiness.class.enrolled': '已报名：{org}，{from} 至 {to}',
  'certificates.readiness.class.progress': '已出勤 {attended} / {held} 节课，{hours} 学时',
  'certificates.readiness.class.progressNone': '还没有开始上课',
  'certificates.readiness.class.waitlisted': '候补中（第 {n} 位）：{org}，{from} 开班',
  'certificates.readiness.class.waitlistedNoPos': '候补中：{org}，{from} 开班',
  'certificates.readiness.class.toClass': '进入我的课堂',
  'certificates.readiness.class.notStarted': '还没有报名。',
  'certificates.readiness.class.started': '最近的班级：{org}，已于 {date} 开班，仍可报名',
  'certificates.readiness.class.enrol': '查看班级并报名',
  // A quiz handed in without signal (issue 16): kept on the phone, handed in when signal returns
  'learning.offlineQuiz.waiting': '已保存在手机上，有网络时自动提交。',
  'learning.offlineQuiz.waitingHint': '已于 {time} 交卷。请不要清除浏览器数据；有信号时打开巾帼学堂就会自动提交，成绩由服务器评定。',
  'learning.offlineQuiz.sending': '正在提交…',
  'learning.offlineQuiz.tryNow': '现在提交',
  'learning.offlineQuiz.stillWaiting': '仍然没有网络，答卷保存在手机上。',
  'learning.offlineQuiz.otherAccount': '这份答卷属于另一个账号，请用那个账号登录后提交。',
  'learning.offlineQuiz.signedOut': '请先重新登录，答卷会在登录后自动提交。',
  'learning.offlineQuiz.refused': '这份答卷没有被接受：{reason}',
  'learning.offlineQuiz.alreadySubmitted': '这份答卷已经交过了。请重新打开测验再做一次。',
  'learning.offlineQuiz.unansweredOffline': '还有 {n} 道题没有作答。没有网络时也要答完所有题目才能保存。',
} as const;
