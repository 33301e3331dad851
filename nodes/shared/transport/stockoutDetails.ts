import { getCatalogMethod } from '../catalog';
import { readWdtTime, STOCKOUT_STATUS_CANCELLED, toWdtTime, WdtError } from '../protocol';
import { type CallPolicy, type WdtFunctions } from './index';
import { catalogPaging, searchWindows } from './search';

export const STOCKOUT_DETAIL_METHOD = 'wms.stockout.Sales.queryWithDetail';

/** The longest modified-time window the method accepts (its page: 60 minutes, in the catalog). */
const DETAIL_MAX_WINDOW_MS = getCatalogMethod(STOCKOUT_DETAIL_METHOD)?.maxWindowMs ?? 0;

/**
 * The status filter that selects a stockout in any status: status_type 3 with every status of
 * the page's table. The page marks status_type required with the default "已取消" (cancelled), so
 * a query without it may return cancelled stockouts only; with this, the same complete result
 * comes whether WDT applies that default or not, in one call.
 */
export function everyStockoutStatus(): { status_type: number; status: string } {
	const table = getCatalogMethod(STOCKOUT_DETAIL_METHOD)?.statusTables?.status ?? {};
	return { status_type: 3, status: Object.keys(table).join(',') };
}

/** One stockout's reply is one record; a small page keeps a misbehaving reply small. */
const BY_NUMBER_PAGE_SIZE = 10;

/** What searchCancel told about a stockout: lets cancelled ones be read by time window. */
export interface StockoutDetailHint {
	stockout_no: string;
	status: number;
	modified: string;
}

export interface StockoutDetailsRead {
	/** The queryWithDetail record (doc field names) of each stockout_no WDT returned. */
	details: Map<string, Record<string, unknown>>;
	/** The stockout_nos WDT returned no record for (see STOCKOUT_DETAILS_MISSING_REASON). */
	missing: string[];
	calls: number;
}

/** The same failure, saying for how many stockouts details were read before it. */
function withDetailsProgress(error: unknown, done: number, total: number): unknown {
	if (!(error instanceof WdtError) || done === 0) return error;
	return new WdtError(
		`${error.message}. Details were read for ${done} of ${total} stockout(s) before this failure`,
		{ ...error, kind: error.kind, fix: error.fix, retryable: false },
	);
}

/**
 * Groups cancelled stockouts into modified-time windows of at most an hour, each worth one
 * window query (two or more stockouts); the rest are read by number.
 */
function cancelledWindows(
	hints: StockoutDetailHint[],
	wanted: Set<string>,
): Array<{ startMs: number; endMs: number; numbers: string[] }> {
	const cancelled = hints
		.filter((hint) => hint.status === STOCKOUT_STATUS_CANCELLED && wanted.has(hint.stockout_no))
		.map((hint) => ({ no: hint.stockout_no, ms: readWdtTime(hint.modified)?.ms }))
		.filter((hint): hint is { no: string; ms: number } => hint.ms !== undefined)
		.sort((a, b) => a.ms - b.ms);
	const windows: Array<{ startMs: number; endMs: number; numbers: string[] }> = [];
	for (const hint of cancelled) {
		const last = windows[windows.length - 1];
		if (last && hint.ms - last.startMs <= DETAIL_MAX_WINDOW_MS) {
			last.endMs = hint.ms;
			last.numbers.push(hint.no);
		} else windows.push({ startMs: hint.ms, endMs: hint.ms, numbers: [hint.no] });
	}
	return windows.filter((window) => window.numbers.length > 1);
}

/**
 * Reads the details of sales stockouts with wms.stockout.Sales.queryWithDetail, in as few calls
 * as the page allows. It takes one `stockout_no` per call (then no time range is needed), or a
 * modified-time window of up to 60 minutes with a status filter. So, when `hints` say which
 * stockouts are cancelled (status 5) and when they were modified, those modified within the same
 * hour are read together by window (status_type 3, status 5: only cancelled stockouts come back),
 * page by page; every number not found that way (a stockout modified since, another status, a
 * lone one) is read by number, in every status (everyStockoutStatus). A number WDT returns nothing for is listed in `missing`. The
 * reply's `data.order` names the stockout number `order_no`.
 */
export async function readStockoutDetails(
	this: WdtFunctions,
	stockoutNos: string[],
	options: { policy?: Partial<CallPolicy>; hints?: StockoutDetailHint[] } = {},
): Promise<StockoutDetailsRead> {
	const wanted = [...new Set(stockoutNos.map((no) => String(no).trim()).filter(Boolean))];
	const byUpperNo = new Map(wanted.map((no) => [no.toUpperCase(), no]));
	const details = new Map<string, Record<string, unknown>>();
	let calls = 0;
	const read = async (args: unknown[], pageSize?: number) => {
		const result = await searchWindows.call(this, {
			listPath: ['order'],
			totalPath: ['total_count'],
			// The page recommends paging from the last page back (从后往前翻页).
			order: 'lastToFirst',
			...catalogPaging(STOCKOUT_DETAIL_METHOD),
			method: STOCKOUT_DETAIL_METHOD,
			args: () => args,
			...(pageSize ? { pageSize } : {}),
			recordKey: (record) => String((record as Record<string, unknown>).stockout_id),
			policy: options.policy,
		});
		calls += result.calls;
		// WDT compares numbers without regard to case.
		for (const record of result.records as Array<Record<string, unknown>>) {
			const no = byUpperNo.get(String(record.order_no ?? '').toUpperCase());
			if (no !== undefined && !details.has(no)) details.set(no, record);
		}
	};
	try {
		for (const window of cancelledWindows(options.hints ?? [], new Set(wanted))) {
			await read([
				{
					start_time: toWdtTime(window.startMs),
					end_time: toWdtTime(window.endMs),
					status_type: 3,
					status: String(STOCKOUT_STATUS_CANCELLED),
				},
			]);
		}
		for (const stockoutNo of wanted) {
			if (!details.has(stockoutNo))
				await read([{ stockout_no: stockoutNo, ...everyStockoutStatus() }], BY_NUMBER_PAGE_SIZE);
		}
	} catch (error) {
		throw withDetailsProgress(error, details.size, wanted.length);
	}
	return { details, missing: wanted.filter((no) => !details.has(no)), calls };
}
