import { WdtError } from '../protocol';
import { type CallPolicy, type WdtFunctions } from './index';
import { catalogPaging, searchWindows } from './search';

export const STOCKOUT_DETAIL_METHOD = 'wms.stockout.Sales.queryWithDetail';

/** One stockout's reply is one record; a small page keeps a misbehaving reply small. */
const DETAIL_PAGE_SIZE = 10;

export interface StockoutDetailsRead {
	/** The queryWithDetail record (doc field names) of each stockout_no WDT returned. */
	details: Map<string, Record<string, unknown>>;
	/** The stockout_nos WDT returned no record for (see STOCKOUT_DETAILS_MISSING_REASON). */
	missing: string[];
	calls: number;
}

/** The same failure, saying for how many stockouts details were read before it. */
function withDetailsProgress(
	error: unknown,
	done: number,
	total: number,
	failedNo: string,
): unknown {
	if (!(error instanceof WdtError) || done === 0) return error;
	return new WdtError(
		`${error.message}. Details were read for ${done} of ${total} stockout(s) before this failure (${failedNo})`,
		{ ...error, kind: error.kind, fix: error.fix, retryable: false },
	);
}

/**
 * Reads the details of sales stockouts by number with wms.stockout.Sales.queryWithDetail. The
 * page takes one `stockout_no` (a String of at most 20 characters) per call and then needs no
 * time range, so each distinct number costs one call; a number that comes back nothing is
 * listed in `missing`. The reply's `data.order` names the stockout number `order_no`.
 */
export async function readStockoutDetails(
	this: WdtFunctions,
	stockoutNos: string[],
	options: { policy?: Partial<CallPolicy> } = {},
): Promise<StockoutDetailsRead> {
	const wanted = [...new Set(stockoutNos.map((no) => String(no).trim()).filter(Boolean))];
	const details = new Map<string, Record<string, unknown>>();
	const missing: string[] = [];
	let calls = 0;
	for (const [index, stockoutNo] of wanted.entries()) {
		try {
			const result = await searchWindows.call(this, {
				listPath: ['order'],
				totalPath: ['total_count'],
				// The page recommends paging from the last page back (从后往前翻页).
				order: 'lastToFirst',
				...catalogPaging(STOCKOUT_DETAIL_METHOD),
				method: STOCKOUT_DETAIL_METHOD,
				args: () => [{ stockout_no: stockoutNo }],
				pageSize: DETAIL_PAGE_SIZE,
				recordKey: (record) => String((record as Record<string, unknown>).stockout_id),
				policy: options.policy,
			});
			calls += result.calls;
			const record = (result.records as Array<Record<string, unknown>>).find(
				(row) => String(row.order_no ?? '').toUpperCase() === stockoutNo.toUpperCase(),
			);
			if (record) details.set(stockoutNo, record);
			else missing.push(stockoutNo);
		} catch (error) {
			throw withDetailsProgress(error, index, wanted.length, stockoutNo);
		}
	}
	return { details, missing, calls };
}
