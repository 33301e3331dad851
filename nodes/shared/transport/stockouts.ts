import {
	HOUR_MS,
	pageThrough,
	stockoutEventKey,
	toStockoutItem,
	toWdtTime,
	WDT_MAX_PAGE_SIZE,
	type StockoutItem,
	type TimeWindow,
} from '../protocol';
import { callWdt, type CallPolicy, type WdtFunctions } from './index';

export const SEARCH_CANCEL_METHOD = 'wms.stockout.Sales.searchCancel';

/** searchCancel accepts at most one hour between start_time and end_time. */
export const SEARCH_CANCEL_MAX_WINDOW_MS = HOUR_MS;

export interface StockoutWindowRead {
	stockouts: StockoutItem[];
	calls: number;
	/** False when the limit cut the read short. */
	complete: boolean;
}

/**
 * Reads every cancelled-stockout page of one window (≤ 1 hour) at the largest page size,
 * deduplicated by (stockout_id, modified).
 */
export async function readStockoutWindow(
	this: WdtFunctions,
	window: TimeWindow,
	options: { limit?: number; policy?: Partial<CallPolicy> } = {},
): Promise<StockoutWindowRead> {
	const args = [
		{
			start_time: toWdtTime(window.startMs),
			end_time: toWdtTime(window.endMs),
		},
	];
	const result = await pageThrough(
		async (pager) =>
			await callWdt.call(
				this,
				{ method: SEARCH_CANCEL_METHOD, args, pager },
				{ write: false, ...options.policy },
			),
		{ pageSize: WDT_MAX_PAGE_SIZE, limit: options.limit },
	);
	const seen = new Set<string>();
	const stockouts: StockoutItem[] = [];
	for (const raw of result.records) {
		const item = toStockoutItem(raw as Record<string, unknown>);
		const key = stockoutEventKey(item);
		if (seen.has(key)) continue;
		seen.add(key);
		stockouts.push(item);
	}
	return { stockouts, calls: result.calls, complete: result.complete };
}
