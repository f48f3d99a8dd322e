import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LearnerType, Locale, Role } from '@hearth/contracts';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false }) passwordHash: string | null;
  @Column({ type: 'text' }) role: Role;
  @Column({ name: 'org_id', type: 'uuid', nullable: true }) orgId: string | null;
  @Column({ name: 'learner_type', type: 'text', nullable: true }) learnerType: LearnerType | null;
  @Column({ name: 'employer_id', type: 'uuid', nullable: true }) employerId: string | null;
  @Column({ type: 'text', default: 'zh-CN' }) locale: Locale;
  @Column({ type: 'text', default: 'active' }) status: 'active' | 'disabled' | 'erased';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true }) erasedAt: Date | null;
}
