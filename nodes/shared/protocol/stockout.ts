import { getCatalogMethod } from '../catalog';
import { movedWhileRead } from './paging';
import { wdtTimeToIso, withIsoTimes } from './time';

/**
 * Sales stockout (销售出库单) statuses with WDT's names, from the searchCancel page's table as the
 * catalog holds it (completed there with the stockout statuses of wms.stockout.Sales.queryWithDetail
 * that the searchCancel page leaves out: scripts/catalog/parse.ts, COMPLETED_STATUS_TABLES).
 */
export const STOCKOUT_STATUS_NAMES: Readonly<Record<string, string>> =
	getCatalogMethod('wms.stockout.Sales.searchCancel')?.statusTables?.status ?? {};

export const STOCKOUT_STATUS_CANCELLED = 5;

export interface StockoutItem {
	stockout_id: number;
	stockout_no: string;
	status: number;
	status_name: string;
	modified: string;
	/** `modified` as ISO 8601 with +08:00 (absent when WDT sent no valid time). */
	modified_iso?: string;
	[raw: string]: unknown;
}

/** One n8n item per stockout: the named fields first, then every raw field WDT sent. */
export function toStockoutItem(raw: Record<string, unknown>): StockoutItem {
	const status = Number(raw.status);
	const modified = String(raw.modified ?? '');
	const item: StockoutItem = {
		stockout_id: Number(raw.stockout_id),
		stockout_no: String(raw.stockout_no ?? ''),
		status,
		status_name: STOCKOUT_STATUS_NAMES[status] ?? `未知状态 ${String(raw.status)}`,
		modified,
		...raw,
	};
	// The raw spread may have brought string forms back; keep the numbers.
	item.stockout_id = Number(raw.stockout_id);
	item.status = status;
	const iso = wdtTimeToIso(modified);
	if (iso !== undefined) item.modified_iso = iso;
	return item;
}

/** Why a stockout may have no details, from the wms.stockout.Sales.queryWithDetail page. */
export const STOCKOUT_DETAILS_MISSING_REASON =
	'wms.stockout.Sales.queryWithDetail returned no record for this stockout_no. Its page says it does not return orders of Taobao/Tmall, Pinduoduo and WDT system-distribution platforms, so those stockouts have no details here.';

/**
 * A stockout item with its queryWithDetail record merged in under the doc's field names. The
 * item's own searchCancel fields (stockout_id, stockout_no, status, modified) stay as they are:
 * they identify the cancellation. `details_found` says whether details came; when they did not,
 * `details_missing_reason` says why they may be missing.
 */
export function withStockoutDetails(
	item: StockoutItem,
	detail: Record<string, unknown> | undefined,
): StockoutItem {
	if (!detail)
		return {
			...item,
			details_found: false,
			details_missing_reason: STOCKOUT_DETAILS_MISSING_REASON,
		};
	const merged: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(withIsoTimes(detail))) {
		if (!(name in item)) merged[name] = value;
	}
	return { ...item, ...merged, details_found: true };
}

/** Identifies one cancellation event: a re-cancel carries a new modified time. */
export function stockoutEventKey(item: Pick<StockoutItem, 'stockout_id' | 'modified'>): string {
	return `${item.stockout_id}@${item.modified}`;
}

/**
 * True when one read of a window holds a stockout at two different `modified` times: it changed
 * while the pages were read (see movedWhileRead in paging.ts), so the window must be read again.
 */
export function movedWhilePaging(stockouts: StockoutItem[]): boolean {
	return movedWhileRead(stockouts, { idField: 'stockout_id', modifiedField: 'modified' });
}
