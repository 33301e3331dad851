import {
	HOUR_MS,
	movedWhilePaging,
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

/** A window in which a record moved while paging is read again, at most this often in all. */
export const MAX_READS_PER_WINDOW = 3;

export interface StockoutWindowRead {
	stockouts: StockoutItem[];
	calls: number;
	/** False when the limit cut the read short. */
	complete: boolean;
}

/**
 * Reads every cancelled-stockout page of one window (≤ 1 hour) at the largest page size,
 * deduplicated by (stockout_id, modified). When a record moved while the pages were read, a row
 * may have slipped past a page boundary unseen, so the window is read again (keeping what every
 * read returned).
 */
export async function readStockoutWindow(
	this: WdtFunctions,
	window: TimeWindow,
	options: { limit?: number; policy?: Partial<CallPolicy> } = {},
): Promise<StockoutWindowRead> {
	const args = [{ start_time: toWdtTime(window.startMs), end_time: toWdtTime(window.endMs) }];
	const byKey = new Map<string, StockoutItem>();
	let calls = 0;
	for (let read = 1; ; read++) {
		const result = await pageThrough(
			async (pager) =>
				await callWdt.call(
					this,
					{ method: SEARCH_CANCEL_METHOD, args, pager },
					{ write: false, ...options.policy },
				),
			{ pageSize: WDT_MAX_PAGE_SIZE, limit: options.limit },
		);
		calls += result.calls;
		const stockouts = result.records.map((raw) => toStockoutItem(raw as Record<string, unknown>));
		for (const stockout of stockouts) byKey.set(stockoutEventKey(stockout), stockout);
		if (!movedWhilePaging(stockouts) || read >= MAX_READS_PER_WINDOW) {
			return { stockouts: [...byKey.values()], calls, complete: result.complete };
		}
	}
}
