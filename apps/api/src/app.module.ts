import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { AccessModule } from './access/access.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AccessGuard } from './auth/access.guard.js';
import { AssessmentsModule } from './assessments/assessments.module.js';
import { AttendanceModule } from './attendance/attendance.module.js';
import { CertificatesModule } from './certificates/certificates.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { ReadinessModule } from './readiness/readiness.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClassesModule } from './classes/classes.module.js';
import { CoursesModule } from './courses/courses.module.js';
import { EnrollmentsModule } from './enrollments/enrollments.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { QueueModule } from './queue/queue.module.js';
import { SmsModule } from './notifications/sms/sms.module.js';
import { InboxModule } from './notifications/inbox.module.js';
import { ExternalCredentialsModule } from './external-credentials/external-credentials.module.js';
import { HealthModule } from './health/health.module.js';
import { ConsentsModule } from './consents/consents.module.js';
import { EmployersModule } from './employers/employers.module.js';
import { ReferralsModule } from './referrals/referrals.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { OrgsModule } from './orgs/orgs.module.js';
import { SeedModule } from './seed/seed.module.js';
import { ThrottleModule } from './throttle/throttle.module.js';
import { UsersModule } from './users/users.module.js';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DiscoveryModule,
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.dbPoolSize)),
        AccessModule,
        AuditModule,
        ThrottleModule,
        AuthModule,
        UsersModule,
        OrgsModule,
        HealthModule,
        QueueModule,
        NotificationsModule,
        SmsModule,
        InboxModule,
        CoursesModule,
        ClassesModule,
        EnrollmentsModule,
        ImportsModule,
        AttendanceModule,
        CertificatesModule,
        AssessmentsModule,
        ReadinessModule,
        ExternalCredentialsModule,
        ConsentsModule,
        EmployersModule,
        ReferralsModule,
        ReportsModule,
        PrivacyModule,
        SeedModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
