import type { WdtPager } from './request';
import type { WdtResponse } from './response';

/** Finds the record list in a paged reply: `data.order_list`, another array in data, or data itself. */
export function findRecordList(data: unknown): { list: unknown[]; total?: number } | undefined {
	if (Array.isArray(data)) return { list: data };
	if (!data || typeof data !== 'object') return undefined;
	const record = data as Record<string, unknown>;
	const total =
		typeof record.total_count === 'number' ? record.total_count : Number(record.total_count ?? NaN);
	const withTotal = (list: unknown[]) => (Number.isFinite(total) ? { list, total } : { list });
	if (Array.isArray(record.order_list)) return withTotal(record.order_list);
	const arrays = Object.values(record).filter(Array.isArray);
	return arrays.length === 1 ? withTotal(arrays[0] as unknown[]) : undefined;
}

export interface PageThroughOptions {
	pageSize: number;
	/** Stop requesting once this many records were collected. */
	limit?: number;
	/** How often a query is restarted when its total changes between pages. */
	maxRestarts?: number;
}

export interface PageThroughResult {
	records: unknown[];
	calls: number;
	/** True when every page was read (not cut by the limit). */
	complete: boolean;
}

/**
 * Reads every page of one query. It asks for the total on every page: the page count follows
 * from the first total, so no empty trailing page is fetched, and a total that changes while
 * paging (a record modified in between shifts the page boundaries) restarts the query so that
 * nothing is skipped. Callers deduplicate what a restart reads twice.
 */
export async function pageThrough(
	fetchPage: (pager: WdtPager) => Promise<WdtResponse>,
	{ pageSize, limit = Infinity, maxRestarts = 3 }: PageThroughOptions,
): Promise<PageThroughResult> {
	let calls = 0;
	let restarts = 0;
	const records: unknown[] = [];
	restart: for (;;) {
		let firstTotal: number | undefined;
		const pass: unknown[] = [];
		for (let pageNo = 0; ; pageNo++) {
			const response = await fetchPage({ pageSize, pageNo, calcTotal: true });
			calls++;
			const page = findRecordList(response.data) ?? { list: [] };
			if (pageNo === 0) firstTotal = page.total;
			else if (
				page.total !== undefined &&
				firstTotal !== undefined &&
				page.total !== firstTotal &&
				restarts < maxRestarts
			) {
				restarts++;
				records.push(...pass);
				continue restart;
			}
			pass.push(...page.list);
			if (records.length + pass.length >= limit) {
				records.push(...pass);
				return { records, calls, complete: false };
			}
			const lastPage =
				page.list.length < pageSize ||
				(firstTotal !== undefined && (pageNo + 1) * pageSize >= firstTotal);
			if (lastPage) {
				records.push(...pass);
				return { records, calls, complete: true };
			}
		}
	}
}
