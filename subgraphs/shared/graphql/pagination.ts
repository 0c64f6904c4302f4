import { ClassType, Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { errors } from '../errors';

/** Cursor pagination arguments shared by every list query. */
@InputType({ description: 'Forward cursor pagination: at most `first` items after the `after` cursor.' })
export class PageInput {
  @Field(() => Int, { nullable: true, description: 'How many items to return, 1–1000 (default 20).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string;
}

@ObjectType({ description: 'Where a page ends and whether more follow.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; pass it as `after` for the next page.' })
  endCursor?: string;

  @Field(() => Boolean, { description: 'True when another page follows.' })
  hasNextPage: boolean;
}

/** A hospital's whole year of payables, or a city's institutions, fits one page; the gateway's cost limit still applies. */
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 20;

/** A validated page request; `afterKey` is the decoded cursor (the sort key of the last item seen). */
export interface PageRequest {
  limit: number;
  afterKey?: string;
}

export function pageRequest(page: PageInput | undefined): PageRequest {
  const first = page?.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw errors.badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  return { limit: first, afterKey: page?.after ? decodeCursor(page.after) : undefined };
}

export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('k:') || decoded.length < 3) throw errors.badInput('after is not a cursor this API issued', { field: 'after' });
  return decoded.slice(2);
}

/** Builds a page from rows fetched with `limit + 1`, so `hasNextPage` costs no extra query. */
export function toPage<T>(rows: T[], request: PageRequest, keyOf: (row: T) => string): { nodes: T[]; pageInfo: PageInfo } {
  const nodes = rows.slice(0, request.limit);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage: rows.length > request.limit, endCursor: last ? encodeCursor(keyOf(last)) : undefined } };
}

/** Declares the `<Thing>Connection` type of a list query. */
export function Connection<T extends object>(itemType: ClassType<T>, description: string) {
  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [itemType], { description })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where this page ends and whether more follow.' })
    pageInfo: PageInfo;
  }
  return ConnectionClass;
}
