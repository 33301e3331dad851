import { statusNames } from './catalogFacts';
import { SALES_STOCKOUT } from './salesStockout';
import type { StatusLabels, WdtRecord } from './types';

const METHOD = 'wms.stockout.Sales.searchCancel';

/** The stockout labels of the codes searchCancel's table lists (a subset: no -1). */
const CANCELLED_STATUS_LABELS: StatusLabels = Object.fromEntries(
	Object.keys(statusNames(METHOD, 'status')).map((code) => [
		code,
		SALES_STOCKOUT.statusLabels.status[code] ?? `Status ${code}`,
	]),
);

/**
 * A cancelled sales stockout of wms.stockout.Sales.searchCancel: the stockout with its CURRENT
 * status (the reply example shows 110); a re-cancel carries a new modified time. Shaped by
 * protocol/stockout.ts (toStockoutItem), as Get Many Cancelled and the trigger both output it.
 */
export const CANCELLED_STOCKOUT: WdtRecord = {
	name: 'Cancelled Sales Stockout',
	description: 'Sales stockouts cancelled in WDT, with their current status',
	noun: 'cancelled sales stockout',
	method: METHOD,
	idField: 'stockout_id',
	numberFields: ['stockout_no'],
	modifiedField: 'modified',
	detectMoves: true,
	statusLabels: { status: CANCELLED_STATUS_LABELS },
};
