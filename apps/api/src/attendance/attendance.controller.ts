import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { AttendanceHistory, CheckInCode, CheckInState, CheckInResult, EnrollmentAttendance, MarkResult, SessionAttendance } from './attendance.schemas.js';
import { AttendanceService } from './attendance.service.js';
import { CheckInDto, MarkAttendanceDto } from '@hearth/contracts/inputs';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('attendance')
@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  /** A whole session in one request: all marks or none, idempotent by clientMutationId. */
  @Put('sessions/:id/attendance')
  @Authenticated({ roles: ['instructor', 'coordinator', 'admin'] })
  @Responds(200, MarkResult)
  mark(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: MarkAttendanceDto) {
    return this.attendance.mark(user, id, body);
  }

  @Get('sessions/:id/attendance')
  @Authenticated({ roles: ['instructor', 'coordinator', 'admin'] })
  @Responds(200, SessionAttendance)
  roster(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.attendance.sessionRoster(user, id);
  }

  /** Corrections: who changed which mark from what to what, and when. */
  @Get('sessions/:id/attendance/history')
  @Authenticated({ roles: ['instructor', 'coordinator', 'admin'] })
  @Responds(200, AttendanceHistory)
  history(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.attendance.history(user, id);
  }

  @Post('sessions/:id/check-in-code')
  @HttpCode(200)
  @Authenticated({ roles: ['instructor'] })
  @Responds(200, CheckInCode)
  code(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.attendance.issueCheckInCode(user, id);
  }

  @Post('sessions/:id/check-in')
  @HttpCode(200)
  @Authenticated({ roles: ['learner'] })
  @Responds(200, CheckInResult)
  checkIn(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: CheckInDto) {
    return this.attendance.checkIn(user, id, body.code);
  }

  /** The learner's check-in page: is check-in open, and has she checked in already. */
  @Get('sessions/:id/check-in')
  @Authenticated({ roles: ['learner'] })
  @Responds(200, CheckInState)
  checkInState(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.attendance.checkInState(user, id);
  }

  @Get('enrollments/:id/attendance')
  @Authenticated({ roles: ['learner', 'instructor', 'coordinator', 'admin'] })
  @Responds(200, EnrollmentAttendance)
  enrollment(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.attendance.enrollmentAttendance(user, id);
  }
}
