import type { ApiClient, AssessmentDto, CourseDto, Locale, MyEnrollmentDto, RequirementStatusDto } from '@hearth/contracts';
import { isApiError } from './form-errors.server';
import { myAttendance } from './attendance-mine.server';
import { formatSession } from './dates';
import { classNextStep, quizHref, type ClassNextStep } from './next-steps';

export interface ClassOverview {
  requirements: RequirementStatusDto;
  course: CourseDto;
  /** Her attempts at each quiz she may see (a waitlisted learner sees none). */
  quizzes: Map<string, AssessmentDto>;
  next: ClassNextStep;
}

/** Whether she can still hand in this quiz: it is not passed and attempts are left. */
export const quizOpen = (quiz: AssessmentDto | undefined) =>
  Boolean(quiz) &&
  quiz!.kind === 'quiz' &&
  !quiz!.passed &&
  quiz!.questions.length > 0 &&
  (quiz!.maxAttempts === null || quiz!.attemptsUsed < quiz!.maxAttempts);

/**
 * Everything her class page needs to say where she stands in one class, and its one next step.
 * `checkInHref` is the session on now (from attendance-mine), if any.
 */
export async function classOverview(api: ApiClient, enrollment: MyEnrollmentDto, locale: Locale, checkInHref: string | null): Promise<ClassOverview> {
  const [requirements, course] = await Promise.all([
    api.certificates.requirements(enrollment.id, { lang: locale }),
    api.courses.get(enrollment.courseCode, { lang: locale }),
  ]);
  const quizzes = new Map<string, AssessmentDto>();
  await Promise.all(
    course.assessments
      .filter((a) => a.kind === 'quiz')
      .map(async (a) => {
        try {
          quizzes.set(a.id, await api.assessments.get(a.id, { lang: locale }));
        } catch (error) {
          // The API hides a quiz from a learner who is only on the waiting list.
          if (!isApiError(error, 'NOT_FOUND')) throw error;
        }
      }),
  );
  const unmet = new Set(requirements.missing.flatMap((m) => (m.requirement === 'assessment' ? [m.assessmentId] : [])));
  const quiz = course.assessments.find((a) => a.kind === 'quiz' && unmet.has(a.id) && quizOpen(quizzes.get(a.id)));
  const practical = course.assessments.find((a) => a.kind === 'practical' && unmet.has(a.id));
  const next = classNextStep({
    enrollmentId: enrollment.id,
    status: enrollment.status,
    waitlistPosition: enrollment.waitlistPosition,
    courseCode: course.code,
    certificateCode: requirements.certificateCode,
    complete: requirements.complete,
    attendanceUnmet: requirements.missing.some((m) => m.requirement === 'attendance' || m.requirement === 'hours'),
    checkInHref,
    nextSession: enrollment.nextSession ? formatSession(enrollment.nextSession.startsAt, enrollment.nextSession.endsAt, locale) : null,
    quiz: quiz ? { href: quizHref(quiz.id, enrollment.id), title: quiz.title } : null,
    practical: practical ? { title: practical.title } : null,
  });
  return { requirements, course, quizzes, next };
}

/** One class on her home page: what it is, her next step in it, and the way into her class page. */
export interface MyClassCard {
  enrollmentId: string;
  courseTitle: string;
  orgName: string;
  status: MyEnrollmentDto['status'];
  waitlistPosition: number | null;
  /** Null when it could not be worked out just now: the card still leads to her class. */
  next: ClassNextStep | null;
}

/** The classes she is in now (not failed, not long finished), each with its next step; null when the API is away. */
export async function myClassCards(api: ApiClient, locale: Locale): Promise<MyClassCard[] | null> {
  let items: MyEnrollmentDto[];
  try {
    items = (await api.enrollments.mine({ lang: locale })).items;
  } catch {
    return null;
  }
  const current = items.filter(
    (e) => e.status === 'enrolled' || e.status === 'waitlisted' || (e.status === 'completed' && e.classStatus !== 'finished' && e.classStatus !== 'cancelled'),
  );
  const attendance = await myAttendance(api, current);
  return Promise.all(
    current.map(async (e) => ({
      enrollmentId: e.id,
      courseTitle: e.courseTitle,
      orgName: e.orgName,
      status: e.status,
      waitlistPosition: e.waitlistPosition,
      next: await classOverview(api, e, locale, attendance.get(e.id)?.checkInHref ?? null)
        .then((o) => o.next)
        .catch(() => null),
    })),
  );
}
