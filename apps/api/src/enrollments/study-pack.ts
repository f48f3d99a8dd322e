import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Type, type Static } from 'typebox';
import type { StudyPackDto } from '@hearth/contracts';
import { Authenticated, CurrentUser } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DateTime, OneOf, Responds, sameShape, Uuid } from '../common/openapi.js';

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

interface ClassRow {
  enrollment_id: string;
  status: 'enrolled' | 'waitlisted' | 'completed';
  lessons: { position: number; body_zh: string; body_en: string }[] | null;
  quiz_ids: string[] | null;
}

@Injectable()
export class StudyPackService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async of(learnerId: string): Promise<StudyPackDto> {
    const [classes, certificates]: [ClassRow[], { code: string }[]] = await Promise.all([
      this.db.query(
        `SELECT e.id AS enrollment_id, e.status,
                (SELECT json_agg(json_build_object('position', l.position, 'body_zh', l.body_zh, 'body_en', l.body_en) ORDER BY l.position)
                   FROM (SELECT * FROM lessons WHERE course_id = k.course_id ORDER BY position LIMIT $2) l) AS lessons,
                CASE WHEN e.status = 'waitlisted' THEN NULL
                     ELSE (SELECT array_agg(a.id ORDER BY a.position) FROM assessments a WHERE a.course_id = k.course_id AND a.kind = 'quiz') END AS quiz_ids
           FROM enrollments e JOIN classes k ON k.id = e.class_id
          WHERE e.learner_id = $1 AND e.status IN ('enrolled','waitlisted','completed') AND k.status <> 'cancelled'
          ORDER BY k.starts_on DESC, e.created_at DESC LIMIT $3`,
        [learnerId, STUDY_PACK_LIMITS.lessonsPerClass, STUDY_PACK_LIMITS.classes],
      ),
      this.db.query(`SELECT code FROM certificates WHERE learner_id = $1 ORDER BY issued_at DESC LIMIT $2`, [learnerId, STUDY_PACK_LIMITS.certificates]),
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
