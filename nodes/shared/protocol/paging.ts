/**
 * Bounded, short-page-safe paging of one WDT query (the record list in a reply: recordList.ts).
 * Pure: the caller passes the function that fetches one page.
 */
import { WdtError } from './errors';
import { locateRecords, type ListLocation, type PageContent } from './recordList';
import type { WdtPager } from './request';
import type { WdtResponse } from './response';

/** The fields that identify a record and its modification time, for movedWhileRead. */
export interface MovedFields {
	idField: string;
	modifiedField: string;
}

/**
 * True when one read holds a record at two different modified times: it changed while the pages
 * were read, so it moved in WDT's list sorted by modified, and the rows behind it slid one place
 * towards page 0. When the total stayed the same (the new time is still inside the window) the
 * pager cannot tell, and a row that crossed a page boundary was never returned: the caller reads
 * the window again.
 */
export function movedWhileRead(records: readonly unknown[], fields: MovedFields): boolean {
	const modifiedById = new Map<string, unknown>();
	for (const record of records as ReadonlyArray<Record<string, unknown> | undefined>) {
		const id = String(record?.[fields.idField]);
		const modified = record?.[fields.modifiedField];
		if (modifiedById.has(id) && modifiedById.get(id) !== modified) return true;
		modifiedById.set(id, modified);
	}
	return false;
}

/** Findings of a pager that misbehaves: never answered with an empty or truncated success. */
export function pagingError(method: string, problem: string): WdtError {
	return new WdtError(`WDT ${method}: ${problem}`, {
		kind: 'badResponse',
		retryable: false,
		fix: 'The server does not page as WDT documents (page_no from 0, page_size rows per page, total_count). Narrow the time range, or report this reply to WDT support.',
	});
}

/** Pages one query may read beyond what its total allows (rows that arrive while paging). */
export const PAGE_SLACK = 2;
/** The most pages any one query reads, whatever its total says (1,000 × 100 = 100,000 rows). */
export const MAX_PAGES_PER_QUERY = 1000;
/** How often one query starts again because the total or the page size changed. */
export const MAX_RESTARTS = 3;

export interface PageThroughOptions extends ListLocation {
	method: string;
	pageSize: number;
	/** The page_no of the first page: 0 for standard WDT methods. */
	pageNoStart?: 0 | 1;
	/** Stop requesting once this many distinct records were collected. */
	limit?: number;
	/** Identity of a record for deduplication; default its whole JSON. */
	keyOf?: (record: unknown) => string;
	/**
	 * 'lastToFirst' reads page 0 (for the total), then the last page back to page 1, then page 0
	 * again (unless `closed`): a record that changes while paging moves to the end of the list, so the rows behind
	 * it slide towards pages still to be read instead of past them. The
	 * wms.stockout.Sales.queryWithDetail page recommends it (从后往前翻页可以避免漏单). Without a
	 * total or with a limit it falls back to 'forward'.
	 */
	order?: 'forward' | 'lastToFirst';
	/**
	 * The query's rows can only leave while it is read, never arrive (a time window that closed
	 * before the read began: a change moves a row's modified time past the window's end). Then,
	 * under 'lastToFirst', a departure shows as a smaller total on a later page, and when every
	 * later page reports page 0's total, nothing slid onto page 0 unseen: page 0 is not read again.
	 */
	closed?: boolean;
	/**
	 * Under 'lastToFirst' over a `closed` window: request pages last..1 all at once, leaving it to
	 * `fetchPage` to limit how many run together. Safe there: every page reports the total, and
	 * one that differs from page 0's (a row left) restarts the read.
	 */
	concurrentPages?: boolean;
	/** Called after each page, for progress reports. */
	onPage?: (progress: { pageNo: number; pages: number; records: number }) => void;
}

export interface PageThroughResult {
	/** Distinct records in WDT's order (a re-read keeps the newest copy of a record). */
	records: unknown[];
	calls: number;
	/** True when every page was read (not cut by the limit). */
	complete: boolean;
	/** The non-empty arrays beside the record list, from every page, by field name. */
	otherLists: Record<string, unknown[]>;
}

type FetchPage = (pager: WdtPager) => Promise<WdtResponse>;

/**
 * Reads every page of one query. It never trusts the page length alone: it continues while
 * fewer rows than `total_count` were read, whatever a page's length; a short page before the
 * total means the server capped the page size, and the query restarts at that size (offsets
 * then agree whichever way the server computes them). It stops at an empty page. A full page of
 * the same records as an earlier one (a server ignoring page_no) and more pages than the total
 * allows end in an error naming the method. A total that changes while paging restarts the
 * query (bounded); records read twice are kept once.
 */
export async function pageThrough(
	fetchPage: FetchPage,
	options: PageThroughOptions,
): Promise<PageThroughResult> {
	const { method, limit = Infinity, keyOf = (record) => JSON.stringify(record) } = options;
	const start = options.pageNoStart ?? 0;
	const byKey = new Map<string, unknown>();
	const others = new Map<string, Map<string, unknown>>();
	let calls = 0;
	let pages = 0;
	let pageSize = options.pageSize;
	let restarts = 0;

	const read = async (index: number): Promise<PageContent> => {
		if (calls >= MAX_PAGES_PER_QUERY * (MAX_RESTARTS + 1))
			throw pagingError(method, `read ${calls} pages without reaching the end; stopped`);
		const response = await fetchPage({ pageSize, pageNo: start + index, calcTotal: true });
		calls++;
		pages++;
		return locateRecords(method, response.data, options, response);
	};
	const keep = (page: PageContent, index: number) => {
		for (const record of page.list) {
			// An update keeps the place of the first sighting and the newest copy.
			byKey.set(keyOf(record), record);
		}
		for (const [name, list] of Object.entries(page.otherLists)) {
			const kept = others.get(name) ?? new Map<string, unknown>();
			for (const entry of list) kept.set(JSON.stringify(entry), entry);
			others.set(name, kept);
		}
		options.onPage?.({ pageNo: start + index, pages, records: byKey.size });
	};
	const result = (complete: boolean): PageThroughResult => ({
		records: [...byKey.values()],
		calls,
		complete,
		otherLists: Object.fromEntries([...others].map(([name, kept]) => [name, [...kept.values()]])),
	});
	/** A full page of records (by keyOf) seen before in this pass: the server ignores page_no. */
	const checkRepeat = (seen: Set<string>, page: PageContent, index: number) => {
		if (page.list.length < pageSize) return;
		// The records' keys, not their whole JSON: as telling, and far smaller for large pages.
		const signature = JSON.stringify(page.list.map(keyOf));
		if (seen.has(signature))
			throw pagingError(
				method,
				`page_no ${start + index} returned the same ${page.list.length} rows as an earlier page: the server seems to ignore page_no; stopped after ${calls} calls`,
			);
		seen.add(signature);
	};
	/**
	 * Without a total nothing shows that the list moved while its pages were read: a record that
	 * changed, left or arrived slides the rows behind it across a page boundary, onto a page read
	 * before. So the pages before the last one read are read again; a record not seen before
	 * means the list moved, and the query starts again (true; within MAX_RESTARTS).
	 */
	const movedUnseen = async (pagesRead: number): Promise<boolean> => {
		if (restarts >= MAX_RESTARTS) return false;
		const known = byKey.size;
		const seenAgain = new Set<string>();
		for (let index = 0; index < pagesRead - 1; index++) {
			const page = await read(index);
			checkRepeat(seenAgain, page, index);
			keep(page, index);
		}
		if (byKey.size === known) return false;
		restarts++;
		return true;
	};
	const bound = (total: number) =>
		Math.min(MAX_PAGES_PER_QUERY, Math.ceil(total / pageSize) + PAGE_SLACK);

	for (;;) {
		const seen = new Set<string>();
		const first = await read(0);
		let total = first.total;
		if (first.list.length < pageSize && total !== undefined && total > first.list.length) {
			// Capped page size: page 0 holds the same rows whichever size the server used.
			pageSize = first.list.length;
		}
		checkRepeat(seen, first, 0);
		keep(first, 0);
		if (first.list.length === 0) return result(true);
		if (byKey.size >= limit) return result(false);

		if (options.order === 'lastToFirst' && total !== undefined && limit === Infinity) {
			const lastIndex = Math.ceil(total / pageSize) - 1;
			if (lastIndex < 1) return result(true);
			if (lastIndex + 1 > MAX_PAGES_PER_QUERY)
				throw pagingError(
					method,
					`total_count ${total} needs more than ${MAX_PAGES_PER_QUERY} pages`,
				);
			let totalChanged = false;
			let totalsSeen = true;
			const pagesByIndex: PageContent[] = [];
			const indexes = Array.from({ length: lastIndex }, (_, i) => lastIndex - i);
			if (options.closed && options.concurrentPages) {
				// Every request settles before the read goes on or fails: none is left running.
				const settled = await Promise.allSettled(indexes.map(async (index) => await read(index)));
				const rejected = settled.find((outcome) => outcome.status === 'rejected');
				if (rejected) throw (rejected as PromiseRejectedResult).reason;
				indexes.forEach((index, i) => {
					pagesByIndex[index] = (settled[i] as PromiseFulfilledResult<PageContent>).value;
				});
				for (const index of indexes) checkRepeat(seen, pagesByIndex[index], index);
			} else {
				for (const index of indexes) {
					pagesByIndex[index] = await read(index);
					checkRepeat(seen, pagesByIndex[index], index);
				}
			}
			for (const index of indexes) {
				const page = pagesByIndex[index];
				if (page.total === undefined) totalsSeen = false;
				else if (page.total !== total) totalChanged = true;
			}
			const restartNow = totalChanged && restarts < MAX_RESTARTS;
			// A restart reads page 0 first anyway; a closed window with a steady total needs no re-read.
			if (!restartNow && !(options.closed && totalsSeen && !totalChanged)) {
				const again = await read(0);
				if (again.total !== undefined && again.total !== total) totalChanged = true;
				// Kept in WDT's order, page 0 first, whatever order they were read in.
				keep(again, 0);
			}
			for (let index = 1; index <= lastIndex; index++) keep(pagesByIndex[index], index);
			if (totalChanged && restarts < MAX_RESTARTS) {
				restarts++;
				continue;
			}
			return result(true);
		}

		let passRows = first.list.length;
		let lastLength = first.list.length;
		let restart = false;
		for (let index = 1; ; index++) {
			const lastFull = lastLength >= pageSize;
			if (total === undefined ? !lastFull : passRows >= total && !(passRows > total && lastFull)) {
				if (total !== undefined || !(await movedUnseen(index))) return result(true);
				restart = true;
				break;
			}
			// A total that lies low is overtaken by full pages; read on until a short page.
			if (index >= bound(Math.max(total ?? Infinity, passRows)))
				throw pagingError(
					method,
					`read ${index} pages of ${pageSize} rows for total_count ${total ?? 'unknown'} and the pages did not end; stopped after ${calls} calls`,
				);
			const page = await read(index);
			if (page.list.length === 0) {
				if (total !== undefined || !(await movedUnseen(index + 1))) return result(true);
				restart = true;
				break;
			}
			if (page.total !== undefined && page.total !== total) {
				// A record changed or arrived while paging: the page boundaries moved. The new
				// pass reads this page's rows again, in their place.
				total = page.total;
				if (restarts < MAX_RESTARTS) {
					restarts++;
					restart = true;
					break;
				}
			}
			checkRepeat(seen, page, index);
			keep(page, index);
			passRows += page.list.length;
			lastLength = page.list.length;
			if (byKey.size >= limit) return result(false);
			if (page.list.length < pageSize && total !== undefined && passRows < total) {
				// A short page before the total: the server caps the page size.
				if (restarts < MAX_RESTARTS) {
					pageSize = page.list.length;
					restarts++;
					restart = true;
					break;
				}
			}
		}
		if (!restart) return result(true);
	}
}
