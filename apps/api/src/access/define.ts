import type { Role } from '@hearth/contracts';

/**
 * How a caller relates to a record. A grant names, per role, the relations that let her act;
 * every relation has one meaning in memory (`can`) and one in SQL (`where`), both in policy.ts.
 * - subtree:   the record's org is in her org's subtree
 * - self:      the record is about her (its subject is her account)
 * - employer:  the record belongs to the employer she works for
 * - teaches:   she is the record's instructor
 * - creator:   she created the record
 * - published: the record is open to everyone with this role (e.g. an open job, a published class)
 * - always:    every caller with this role
 */
export type Relation = 'subtree' | 'self' | 'employer' | 'teaches' | 'creator' | 'published' | 'always';

/** What a record is, as far as access is concerned. Loaded by a record's `facts` SQL or taken from a row the service already has. */
export interface Facts {
  orgPath?: string | null;
  subjectId?: string | null;
  employerId?: string | null;
  instructorId?: string | null;
  createdBy?: string | null;
  published?: boolean | null;
}

/** The SQL expression for each fact in a query (e.g. `{ orgPath: 'o.path', subjectId: 'f.learner_id' }`). */
export type FactColumns = { [K in keyof Facts]?: string };

export type Grant = Partial<Record<Role, Relation | readonly Relation[]>>;

export interface RecordKind {
  /** Named in the 404 ("Referral not found"). */
  label: string;
  /** One parameter, the record's id; selects the facts under their Facts names ("orgPath", "subjectId", ...). */
  facts: string;
}

export interface Rules<K extends string, A extends string> {
  records: Record<K, RecordKind>;
  grants: Record<A, Grant>;
}

/** One domain's record kinds and grants (actions are named `<kind>.<verb>`). */
export function defineRules<const K extends string, const A extends `${K}.${string}`>(rules: Rules<K, A>): Rules<K, A> {
  return rules;
}
