/**
 * The one read engine: a method, a time range split into the windows the method accepts, every
 * page of every window (bounded, short-page safe: see protocol/paging.ts), deduplicated, in a
 * deterministic order, with Return All/Limit and bounded parallelism.
 */
import {
	movedWhileRead,
	pageThrough,
	splitIntoWindows,
	toWdtTime,
	WDT_MAX_PAGE_SIZE,
	WdtError,
	type ListLocation,
	type MovedFields,
	type TimeWindow,
} from '../protocol';
import { getCatalogMethod } from '../catalog';
import { callWdt, type CallPolicy, type WdtFunctions } from './index';

/** Parallel Requests: WDT's per-key limits are shared with the user's other systems. */
export const DEFAULT_PARALLEL_REQUESTS = 1;
export const MAX_PARALLEL_REQUESTS = 5;
/** A window in which a record moved while paging is read again, at most this often in all. */
export const MAX_READS_PER_WINDOW = 3;

export interface WindowedSearch extends ListLocation {
	method: string;
	/** The positional arguments for one window; `undefined` when the read has no time range. */
	args: (window: TimeWindow | undefined) => unknown[];
	/** The time range to read; omitted: one query without a window. */
	range?: TimeWindow;
	/** The longest window the method accepts (e.g. one hour); the range is split into these. */
	maxWindowMs?: number;
	/** Default WDT_MAX_PAGE_SIZE. */
	pageSize?: number;
	pageNoStart?: 0 | 1;
	/** Identity of a record for deduplication (within and across windows); default whole JSON. */
	recordKey?: (record: unknown) => string;
	/**
	 * When one read of a window holds a record (by `idField`) at two `modifiedField` values, it
	 * moved in WDT's modified-sorted list while the pages were read, and a row may have slipped
	 * past a page boundary unseen: the window is read again (at most MAX_READS_PER_WINDOW times).
	 */
	moved?: MovedFields;
	order?: 'forward' | 'lastToFirst';
	/** Return at most this many records (default all). */
	limit?: number;
	/** Windows read at the same time, 1–5 (default 1). */
	parallel?: number;
	policy?: Partial<CallPolicy>;
}

/**
 * A window that ended this long before its read began counts as closed: no row can arrive in it,
 * only leave (pageThrough's `closed`). WDT refuses requests from clocks more than 120 s off, so
 * WDT's "now" is within 2 minutes of ours; 10 minutes leaves room to spare.
 */
export const CLOSED_WINDOW_MARGIN_MS = 10 * 60 * 1000;

/** The doc page's note that paging from the last page towards the first avoids missing rows. */
const LAST_TO_FIRST_NOTE = '从后往前翻页';

/** What the method catalog (from the doc pages) says about a method's pager and record list. */
export type CatalogPaging = Pick<
	WindowedSearch,
	| 'listPath'
	| 'totalPath'
	| 'totalBesideData'
	| 'pageNoStart'
	| 'maxWindowMs'
	| 'order'
	| 'pageSize'
>;

export function catalogPaging(method: string): CatalogPaging {
	const entry = getCatalogMethod(method);
	if (!entry) return {};
	const paging: CatalogPaging = {};
	if (entry.listPath) paging.listPath = entry.listPath;
	if (entry.totalPath) paging.totalPath = entry.totalPath;
	if (entry.totalBesideData) paging.totalBesideData = entry.totalBesideData;
	if (entry.pageNoStart !== undefined) paging.pageNoStart = entry.pageNoStart;
	if (entry.maxWindowMs) paging.maxWindowMs = entry.maxWindowMs;
	if (entry.maxPageSize) paging.pageSize = Math.min(entry.maxPageSize, WDT_MAX_PAGE_SIZE);
	if (entry.notes?.some((note) => note.includes(LAST_TO_FIRST_NOTE))) paging.order = 'lastToFirst';
	return paging;
}

export interface SearchResult {
	records: unknown[];
	calls: number;
	/** False when the limit cut the read short. */
	complete: boolean;
	/** Entries of other non-empty lists beside the records (e.g. summary_data), by list name. */
	otherLists: Record<string, unknown[]>;
}

interface WindowRead {
	records: unknown[];
	complete: boolean;
	otherLists: Record<string, unknown[]>;
}

function describeWindow(window: TimeWindow | undefined): string {
	return window
		? `${toWdtTime(window.startMs)} to ${toWdtTime(window.endMs)} CST`
		: 'no time range';
}

/** Lists window numbers compactly: "1–3, 5". */
function describeNumbers(numbers: number[]): string {
	const runs: string[] = [];
	for (let i = 0; i < numbers.length; ) {
		let j = i;
		while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
		runs.push(i === j ? `${numbers[i]}` : `${numbers[i]}–${numbers[j]}`);
		i = j + 1;
	}
	return runs.join(', ');
}

/** The same failure, saying how far the read got: which windows and pages were complete. */
function withProgress(
	error: unknown,
	progress: {
		windows: Array<TimeWindow | undefined>;
		done: number[];
		failed: number;
		pages: number;
		records: number;
	},
): unknown {
	if (!(error instanceof WdtError)) return error;
	if (progress.done.length === 0 && progress.pages === 0) return error;
	const { windows, done, failed } = progress;
	const total = windows.length;
	const parts = [
		done.length
			? `windows ${describeNumbers(done.map((i) => i + 1))} of ${total} were read completely`
			: `no window of ${total} was read completely`,
		`window ${failed + 1} (${describeWindow(windows[failed])}) failed after ${progress.pages} page(s)`,
		`${progress.records} record(s) were collected and are not output`,
	];
	if (done.length && done.length === done[done.length - 1] + 1 && windows[done.length - 1])
		parts.push(`everything up to ${toWdtTime(windows[done.length - 1]!.endMs)} CST was read`);
	return new WdtError(`${error.message}. Read so far: ${parts.join('; ')}`, {
		kind: error.kind,
		fix: error.fix,
		retryable: false,
		status: error.status,
		wdtMessage: error.wdtMessage,
		httpStatus: error.httpStatus,
	});
}

/**
 * Reads every record of a windowed, paged WDT query. Windows are read in parallel up to
 * `parallel` and merged in window order, so the output is the same at any parallelism. Any
 * failure ends the read, never retried here, with an error that says which windows and pages
 * were complete. Rate limits included, both of them: after a calls-per-minute or a
 * concurrency-limit reply WDT asks to rest the key 5–10 minutes, so nothing is read again.
 */
export async function searchWindows(
	this: WdtFunctions,
	search: WindowedSearch,
): Promise<SearchResult> {
	const windows: Array<TimeWindow | undefined> = search.range
		? splitIntoWindows(search.range.startMs, search.range.endMs, search.maxWindowMs ?? Infinity)
		: [undefined];
	const limit = search.limit ?? Infinity;
	const recordKey = search.recordKey ?? ((record: unknown) => JSON.stringify(record));
	const reads: Array<WindowRead | undefined> = [];
	let calls = 0;
	const concurrency = Math.min(
		MAX_PARALLEL_REQUESTS,
		Math.max(1, Math.floor(search.parallel ?? DEFAULT_PARALLEL_REQUESTS)),
	);
	// Requests in flight, across windows and the pages of a closed window, never above `concurrency`.
	let inFlight = 0;
	const waiting: Array<() => void> = [];
	const inSlot = async <T>(request: () => Promise<T>): Promise<T> => {
		while (inFlight >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
		inFlight++;
		try {
			return await request();
		} finally {
			inFlight--;
			waiting.shift()?.();
		}
	};
	const pagesOf = new Map<number, number>();
	const recordsOf = new Map<number, number>();
	let failure: { index: number; error: unknown } | undefined;

	const readWindow = async (index: number): Promise<WindowRead> => {
		const window = windows[index];
		const args = search.args(window);
		const byKey = new Map<string, unknown>();
		const otherLists: Record<string, unknown[]> = {};
		for (let read = 1; ; read++) {
			const closed = window !== undefined && window.endMs < Date.now() - CLOSED_WINDOW_MARGIN_MS;
			const result = await pageThrough(
				async (pager) =>
					await inSlot(async () => {
						const response = await callWdt.call(
							this,
							{ method: search.method, args, pager },
							{ write: false, ...search.policy },
						);
						calls++;
						return response;
					}),
				{
					method: search.method,
					pageSize: search.pageSize ?? WDT_MAX_PAGE_SIZE,
					pageNoStart: search.pageNoStart,
					listPath: search.listPath,
					totalPath: search.totalPath,
					totalBesideData: search.totalBesideData,
					limit,
					keyOf: recordKey,
					order: search.order,
					closed,
					concurrentPages: concurrency > 1,
					onPage: ({ pages, records }) => {
						pagesOf.set(index, pages);
						recordsOf.set(index, byKey.size + records);
					},
				},
			);
			for (const record of result.records) byKey.set(recordKey(record), record);
			Object.assign(otherLists, result.otherLists);
			if (
				!search.moved ||
				!movedWhileRead(result.records, search.moved) ||
				read >= MAX_READS_PER_WINDOW
			)
				return { records: [...byKey.values()], complete: result.complete, otherLists };
		}
	};

	/** Distinct records of the windows read so far without a gap, for the limit. */
	const prefixCount = () => {
		const keys = new Set<string>();
		for (const read of reads) {
			if (!read) break;
			for (const record of read.records) keys.add(recordKey(record));
		}
		return keys.size;
	};

	let nextIndex = 0;
	const worker = async () => {
		while (!failure && nextIndex < windows.length) {
			if (limit !== Infinity && prefixCount() >= limit) break;
			const index = nextIndex++;
			try {
				reads[index] = await readWindow(index);
			} catch (error) {
				failure ??= { index, error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, windows.length) }, worker));

	if (failure) {
		const done = reads.flatMap((read, i) => (read ? [i] : []));
		throw withProgress(failure.error, {
			windows,
			done,
			failed: failure.index,
			pages: pagesOf.get(failure.index) ?? 0,
			records:
				done.reduce((sum, i) => sum + reads[i]!.records.length, 0) +
				(recordsOf.get(failure.index) ?? 0),
		});
	}

	const merged = new Map<string, unknown>();
	const otherLists: Record<string, unknown[]> = {};
	let complete = true;
	for (let i = 0; i < windows.length; i++) {
		const read = reads[i];
		if (!read) {
			complete = false;
			break;
		}
		for (const record of read.records) {
			const key = recordKey(record);
			if (!merged.has(key)) merged.set(key, record);
		}
		for (const [name, list] of Object.entries(read.otherLists))
			otherLists[name] = [...(otherLists[name] ?? []), ...list];
		if (!read.complete) complete = false;
		if (merged.size >= limit) {
			if (i < windows.length - 1) complete = false;
			break;
		}
	}
	const records = [...merged.values()].slice(0, limit);
	if (merged.size > limit) complete = false;
	return { records, calls, complete, otherLists };
}
