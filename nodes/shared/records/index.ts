/**
 * The record types the package reads, one file each; operations and trigger events both take
 * their facts from here (and, through ./catalogFacts.ts, from the generated catalog).
 */
import { CANCELLED_STOCKOUT } from './cancelledStockout';
import { GOODS } from './goods';
import { LOGISTICS_SYNC } from './logisticsSync';
import { PURCHASE_APPLY } from './purchaseApply';
import { REFUND } from './refund';
import { SALES_ORDER } from './salesOrder';
import { SALES_STOCKOUT } from './salesStockout';
import { SHOP } from './shop';
import { STOCK } from './stock';
import type { WdtRecord } from './types';
import { WAREHOUSE } from './warehouse';

export type { StatusLabels, WdtRecord } from './types';
export * from './catalogFacts';
export { CANCELLED_STOCKOUT } from './cancelledStockout';
export { deletedParam, GOODS, includeDeletedFilter } from './goods';
export { LOGISTICS_SYNC } from './logisticsSync';
export { PURCHASE_APPLY } from './purchaseApply';
export { REFUND } from './refund';
export { SALES_ORDER, SALES_ORDER_HISTORY_METHOD } from './salesOrder';
export {
	BY_MODIFIED_AND_STATUS,
	SALES_STOCKOUT,
	STOCKOUT_COMPLETED,
	STOCKOUT_DELAYED_SHIPMENT,
} from './salesStockout';
export { SHOP } from './shop';
export { STOCK } from './stock';
export { WAREHOUSE } from './warehouse';

/** Every record type, for the checks against the catalog (test/unit/records.test.ts). */
export const WDT_RECORDS: readonly WdtRecord[] = [
	SALES_ORDER,
	SALES_STOCKOUT,
	CANCELLED_STOCKOUT,
	REFUND,
	GOODS,
	STOCK,
	PURCHASE_APPLY,
	WAREHOUSE,
	SHOP,
	LOGISTICS_SYNC,
];
