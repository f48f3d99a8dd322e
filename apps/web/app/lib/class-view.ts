import type { ClassDto, Locale } from '@hearth/contracts';
import { formatDay, formatSession } from './dates';

/** What the pages show of a class, with its dates already in China time and the reader's language. */
export interface ClassView {
  id: string;
  courseId: string;
  courseCode: string;
  title: string;
  category: ClassDto['category'];
  orgName: string;
  instructorName: string | null;
  startsOn: string;
  endsOn: string;
  location: string;
  status: ClassDto['status'];
  capacity: number;
  enrolledCount: number;
  waitlistCount: number;
  seatsLeft: number;
  sessions: { id: string; when: string; location: string; cancelled: boolean }[];
}

export function classView(dto: ClassDto, locale: Locale): ClassView {
  return {
    id: dto.id,
    courseId: dto.courseId,
    courseCode: dto.courseCode,
    title: dto.title,
    category: dto.category,
    orgName: dto.orgName,
    instructorName: dto.instructorName,
    startsOn: formatDay(dto.startsOn, locale),
    endsOn: formatDay(dto.endsOn, locale),
    location: dto.location,
    status: dto.status,
    capacity: dto.capacity,
    enrolledCount: dto.enrolledCount,
    waitlistCount: dto.waitlistCount,
    seatsLeft: dto.seatsLeft,
    sessions: dto.sessions.map((s) => ({
      id: s.id,
      when: formatSession(s.startsAt, s.endsAt, locale),
      // A session held where the class usually meets needs no second mention.
      location: s.location && s.location !== dto.location ? s.location : '',
      cancelled: Boolean(s.cancelledAt),
    })),
  };
}

/** Learners may still enrol (or join the waitlist) until a class is finished or cancelled. */
export const isOpen = (status: ClassDto['status']) => status === 'scheduled' || status === 'running';
