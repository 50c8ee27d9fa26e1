import type { EntityName, EntityTypes, FieldOf } from './entities.js';

/** Scalar a condition compares with; dates compare by instant. */
export type Scalar = string | number | boolean | Date | null;

/** A field name of entity N; any string when N is the whole union (untyped, adapter-checked). */
export type FieldRef<N extends EntityName> = EntityName extends N ? string : FieldOf<N>;

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=' | 'like' | 'ilike';

/**
 * A filter over one entity type, built by commands from Camunda query parameters and turned into
 * parameterised SQL by the persistence adapter. Field names are entity property names; the adapter
 * accepts only fields its schema knows, so user input never reaches SQL as text.
 */
export type Condition<N extends EntityName = EntityName> =
  | CompareCondition<N>
  | { kind: 'in'; field: FieldRef<N>; values: readonly Scalar[]; negate?: boolean }
  | { kind: 'null'; field: FieldRef<N>; negate?: boolean }
  | { kind: 'and' | 'or'; items: readonly Condition<N>[] }
  | { kind: 'not'; item: Condition<N> }
  | ExistsCondition<N>
  | { kind: 'true' }
  | { kind: 'false' };

/**
 * `field op value`. With `ignoreCase` both sides are upper-cased first (Camunda's
 * `UPPER(NAME_) = UPPER(?)`). `like` patterns use a backslash as escape character on every database.
 */
export interface CompareCondition<N extends EntityName = EntityName> {
  kind: 'compare';
  field: FieldRef<N>;
  op: CompareOp;
  value: Scalar;
  ignoreCase?: boolean;
}

export type LinkOp = '=' | 'is' | '<' | '>';

/** A correlated sub-query: some row of `entity` links to the outer row and matches `where`. */
export interface ExistsCondition<N extends EntityName = EntityName> {
  kind: 'exists';
  entity: EntityName;
  /**
   * [field of the inner entity, field of the outer entity, comparison]; the comparison defaults
   * to '=', and 'is' means equal-or-both-null.
   */
  link: readonly (readonly [string, FieldRef<N>] | readonly [string, FieldRef<N>, LinkOp])[];
  where: Condition;
  negate?: boolean;
}

/**
 * One ORDER BY term: a field of the queried entity, or (with `related`) a value of a related row,
 * e.g. a variable's value column for Camunda's `orderByProcessVariable`. Rows without a related
 * row order as NULL does on the database (first ascending on SQLite, last on PostgreSQL), as in
 * Camunda's left join. `lower` compares lower-cased text (Camunda's `LOWER(…)` sort columns).
 */
export type OrderBy<N extends EntityName = EntityName> = FieldOrder<N> | RelatedOrder<N>;

/** Orders by a field of the queried entity. */
export interface FieldOrder<N extends EntityName = EntityName> {
  field: FieldRef<N>;
  direction: 'asc' | 'desc';
  lower?: boolean;
}

/**
 * Orders by `field` of a row of `entity` linked to the outer row like an {@link ExistsCondition}.
 * Several matching rows: the smallest value ascending, the largest descending (where Camunda's
 * join would list the row once per match, the first position is kept).
 */
export interface RelatedOrder<N extends EntityName = EntityName> {
  related: {
    entity: EntityName;
    field: string;
    link: ExistsCondition<N>['link'];
    where: Condition;
  };
  direction: 'asc' | 'desc';
  lower?: boolean;
}

export interface QuerySpec<N extends EntityName = EntityName> {
  where?: Condition<N>;
  orderBy?: readonly OrderBy<N>[];
  offset?: number;
  limit?: number;
}

/** Builders that keep command code short and typed. */
export const where = {
  eq<N extends EntityName>(field: FieldRef<N>, value: Scalar): Condition<N> {
    return value === null ? { kind: 'null', field } : { kind: 'compare', field, op: '=', value };
  },
  cmp<N extends EntityName>(field: FieldRef<N>, op: CompareOp, value: Scalar): Condition<N> {
    return { kind: 'compare', field, op, value };
  },
  /** `UPPER(field) op UPPER(value)`: Camunda's case-insensitive comparisons. */
  upper<N extends EntityName>(field: FieldRef<N>, op: CompareOp, value: Scalar): Condition<N> {
    return { kind: 'compare', field, op, value, ignoreCase: true };
  },
  in<N extends EntityName>(field: FieldRef<N>, values: readonly Scalar[]): Condition<N> {
    return { kind: 'in', field, values };
  },
  isNull<N extends EntityName>(field: FieldRef<N>, negate = false): Condition<N> {
    return { kind: 'null', field, negate };
  },
  and<N extends EntityName>(...items: (Condition<N> | undefined)[]): Condition<N> {
    const present = items.filter((c): c is Condition<N> => c !== undefined);
    return present.length === 1 ? (present[0] as Condition<N>) : { kind: 'and', items: present };
  },
  or<N extends EntityName>(...items: Condition<N>[]): Condition<N> {
    return { kind: 'or', items };
  },
  not<N extends EntityName>(item: Condition<N>): Condition<N> {
    return { kind: 'not', item };
  },
};

export type Row<N extends EntityName> = EntityTypes[N];
