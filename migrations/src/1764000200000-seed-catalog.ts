import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { CatalogCourse } from '../data/catalog-types.js';
import { lawCourses } from '../data/catalog-law.js';
import { careCourses, vocationalCourses } from '../data/catalog-care-vocational.js';

/**
 * The programmes every deployment offers, present whatever SEED_DEMO says: the law and care
 * courses volunteer mothers need before pairing, and the vocational classes for migrant women.
 * Content is frozen in migrations/data; a later change to it is a new migration.
 */
export const CATALOG: CatalogCourse[] = [...lawCourses, ...careCourses, ...vocationalCourses];

export class SeedCatalog1764000200000 implements MigrationInterface {
  name = 'SeedCatalog1764000200000';

  async up(q: QueryRunner): Promise<void> {
    for (const course of CATALOG) {
      const passMark = course.assessments[0]?.passMark ?? 60;
      const [{ id }] = await q.query(
        `INSERT INTO courses (code, category, title_zh, title_en, description_zh, description_en, required_hours, min_attendance_pct, pass_mark, validity_months, required_for_volunteers)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          course.code,
          course.category,
          course.title['zh-CN'],
          course.title.en,
          course.description['zh-CN'],
          course.description.en,
          course.requiredHours,
          course.minAttendancePct,
          passMark,
          course.validityMonths,
          course.requiredForVolunteers,
        ],
      );
      for (const [i, lesson] of course.lessons.entries()) {
        await q.query(`INSERT INTO lessons (course_id, position, title_zh, title_en, body_zh, body_en, hours) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
          id,
          i + 1,
          lesson.title['zh-CN'],
          lesson.title.en,
          lesson.body['zh-CN'],
          lesson.body.en,
          lesson.hours,
        ]);
      }
      for (const [i, assessment] of course.assessments.entries()) {
        const [{ id: assessmentId }] = await q.query(
          `INSERT INTO assessments (course_id, position, kind, title_zh, title_en, pass_mark, max_attempts) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [id, i + 1, assessment.kind, assessment.title['zh-CN'], assessment.title.en, assessment.passMark, assessment.maxAttempts ?? null],
        );
        for (const [j, question] of (assessment.questions ?? []).entries()) {
          await q.query(
            `INSERT INTO questions (assessment_id, position, kind, prompt_zh, prompt_en, options, correct, explanation_zh, explanation_en)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
              assessmentId,
              j + 1,
              question.kind,
              question.prompt['zh-CN'],
              question.prompt.en,
              JSON.stringify(question.options),
              question.correct,
              question.explanation['zh-CN'],
              question.explanation.en,
            ],
          );
        }
      }
    }
    for (const course of CATALOG) {
      for (const prerequisite of course.prerequisiteCodes) {
        await q.query(
          `INSERT INTO course_prerequisites (course_id, prerequisite_id)
           SELECT c.id, p.id FROM courses c, courses p WHERE c.code = $1 AND p.code = $2`,
          [course.code, prerequisite],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM courses WHERE code = ANY($1)`, [CATALOG.map((c) => c.code)]);
  }
}
