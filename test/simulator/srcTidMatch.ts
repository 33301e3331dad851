/**
 * How sales.TradeQuery.queryWithDetail (and its history) select orders by `src_tid`. The page
 * has `accurate_query` ("是否强制指定src_tid精准查询", default 0) and does not say what the
 * default, non-exact query matches. `replies.srcTidMatch` serves the readings: 'flag' (default):
 * with accurate_query 1 an exact match, otherwise a loose (substring) match; 'loose': always the
 * loose match, a server that ignores the flag.
 */
import type { ReplyChoices } from './store';

export type SrcTidMatch = 'flag' | 'loose';

/** accurate_query as the page's boolean (1/true; '1'/'true' as strings). */
export function isAccurateQuery(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}

/**
 * Whether an order whose platform numbers are `srcTids` (its `src_tids` parts and its lines'
 * `src_tid`) is selected by the query's `src_tid` (numbers separated by a comma, either width).
 */
export function srcTidSelects(
	replies: Pick<ReplyChoices, 'srcTidMatch'>,
	srcTids: readonly string[],
	query: Record<string, unknown>,
): boolean {
	const wanted = String(query.src_tid ?? '')
		.split(/[,，]/)
		.map((part) => part.trim())
		.filter(Boolean);
	const exact = replies.srcTidMatch === 'flag' && isAccurateQuery(query.accurate_query);
	return wanted.some((number) =>
		srcTids.some((tid) => (exact ? tid === number : tid.includes(number))),
	);
}

/** The platform numbers of an order row: the parts of `src_tids` and every line's `src_tid`. */
export function srcTidsOfRow(row: Record<string, unknown>): string[] {
	const lines = Array.isArray(row.detail_list)
		? (row.detail_list as Array<Record<string, unknown>>)
		: [];
	return [
		...String(row.src_tids ?? '').split(','),
		...lines.map((line) => String(line.src_tid ?? '')),
	]
		.map((tid) => tid.trim())
		.filter(Boolean);
}
