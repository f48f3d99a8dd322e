import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type, type Static } from 'typebox';
import type { StudyPackDto } from '@hearth/contracts';
import { Authenticated, CurrentUser } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DateTime, OneOf, Responds, sameShape, Uuid } from '../common/openapi.js';
import { EnrollmentsRepository } from './enrollments.repository.js';

/**
 * What a learner's phone keeps for reading without signal (issue 16, docs/decisions/016): the
 * classes she is in now with each lesson's position and the images it shows, the quizzes she may
 * take, and her certificates — ids and positions only, in one request, so the web can list her
 * pages. Bounded: her newest STUDY_PACK_LIMITS.classes live classes, lessons and images per
 * lesson capped, her newest certificates.
 */
export const STUDY_PACK_LIMITS = { classes: 6, lessonsPerClass: 60, imagesPerLesson: 10, certificates: 20 } as const;

export const StudyPack = Type.Object({
  generatedAt: DateTime(),
  classes: Type.Array(
    Type.Object({
      enrollmentId: Uuid(),
      status: OneOf(['enrolled', 'waitlisted', 'completed'] as const),
      lessons: Type.Array(
        Type.Object({
          position: Type.Integer({ minimum: 1 }),
          images: Type.Array(Type.String(), { description: 'Image addresses the lesson text shows (either language), as written by the author' }),
        }),
      ),
      quizIds: Type.Array(Uuid(), { description: 'Quizzes of the course she may open (none while waitlisted)' }),
    }),
    { description: `Her live classes, newest first, at most ${STUDY_PACK_LIMITS.classes}` },
  ),
  certificates: Type.Array(Type.Object({ code: Type.String() }), { description: `Her certificates, newest first, at most ${STUDY_PACK_LIMITS.certificates}` }),
});
sameShape<Static<typeof StudyPack>, StudyPackDto>(true);

/** `![alt](src "title")` in Markdown: the src. */
const IMAGE = /!\[[^\]]*\]\(\s*<?([^\s)>]+)/g;

export function lessonImages(...bodies: string[]): string[] {
  const found = new Set<string>();
  for (const body of bodies) for (const m of body.matchAll(IMAGE)) if (m[1].length <= 500) found.add(m[1]);
  return [...found].slice(0, STUDY_PACK_LIMITS.imagesPerLesson);
}

@Injectable()
export class StudyPackService {
  constructor(private readonly enrollments: EnrollmentsRepository) {}

  async of(learnerId: string): Promise<StudyPackDto> {
    const [classes, certificates] = await Promise.all([
      this.enrollments.studyPackClasses(learnerId, STUDY_PACK_LIMITS.lessonsPerClass, STUDY_PACK_LIMITS.classes),
      this.enrollments.studyPackCertificates(learnerId, STUDY_PACK_LIMITS.certificates),
    ]);
    return {
      generatedAt: new Date().toISOString(),
      classes: classes.map((c) => ({
        enrollmentId: c.enrollment_id,
        status: c.status,
        lessons: (c.lessons ?? []).map((l) => ({ position: l.position, images: lessonImages(l.body_zh, l.body_en) })),
        quizIds: c.quiz_ids ?? [],
      })),
      certificates: certificates.map((z) => ({ code: z.code })),
    };
  }
}

@ApiTags('enrollments')
@Controller()
export class StudyPackController {
  constructor(private readonly pack: StudyPackService) {}

  /** Her own pack only: there is no way to ask for another learner's. */
  @Get('me/study-pack')
  @Authenticated({ roles: ['learner'] })
  @Responds(200, StudyPack)
  mine(@CurrentUser() user: AuthUser) {
    return this.pack.of(user.id);
  }
}
