import {
	stockoutEventKey,
	toStockoutItem,
	toWdtTime,
	type StockoutItem,
	type TimeWindow,
} from '../protocol';
import { type CallPolicy, type WdtFunctions } from './index';
import { catalogPaging, searchWindows } from './search';

export const SEARCH_CANCEL_METHOD = 'wms.stockout.Sales.searchCancel';

export { MAX_READS_PER_WINDOW } from './search';

export interface StockoutWindowRead {
	stockouts: StockoutItem[];
	calls: number;
	/** False when the limit cut the read short. */
	complete: boolean;
}

/** The engine's description of a searchCancel read; Get Many Cancelled reads ranges with it. */
export function searchCancelQuery(range: TimeWindow) {
	return {
		method: SEARCH_CANCEL_METHOD,
		args: (window: TimeWindow | undefined) => [
			{ start_time: toWdtTime(window!.startMs), end_time: toWdtTime(window!.endMs) },
		],
		listPath: ['order_list'],
		totalPath: ['total_count'],
		...catalogPaging(SEARCH_CANCEL_METHOD),
		range,
		// One cancellation event: a re-cancel carries a new modified time.
		recordKey: (raw: unknown) => stockoutEventKey(raw as StockoutItem),
		moved: { idField: 'stockout_id', modifiedField: 'modified' },
	};
}

/**
 * Reads every cancelled-stockout page of one window (≤ 1 hour) at the largest page size,
 * deduplicated by (stockout_id, modified), on the read engine: a record that moved while the
 * pages were read makes the window read again, keeping what every read returned.
 */
export async function readStockoutWindow(
	this: WdtFunctions,
	window: TimeWindow,
	options: { limit?: number; policy?: Partial<CallPolicy> } = {},
): Promise<StockoutWindowRead> {
	const result = await searchWindows.call(this, {
		...searchCancelQuery(window),
		limit: options.limit,
		policy: options.policy,
	});
	return {
		stockouts: result.records.map((raw) => toStockoutItem(raw as Record<string, unknown>)),
		calls: result.calls,
		complete: result.complete,
	};
}
