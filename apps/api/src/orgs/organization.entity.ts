import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrgKind } from '@hearth/contracts';

@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @Column({ type: 'text' }) kind: OrgKind;
  @Column({ type: 'text' }) name: string;
  /** Materialized path of ids, '/root/child/', for indexed subtree queries. */
  @Column({ type: 'text' }) path: string;
  @Column({ type: 'int' }) depth: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
