/**
 * The record types the package reads, one file each (test/unit/records.test.ts finds and checks
 * every file of this folder); operations and trigger events take their facts from here and,
 * through ./catalogFacts.ts, from the generated catalog.
 */
export type { StatusLabels, WdtRecord } from './types';
export * from './catalogFacts';
export { CANCELLED_STOCKOUT } from './cancelledStockout';
export { deletedParam, GOODS, includeDeletedFilter } from './goods';
export { INVOICE } from './invoice';
export { LOGISTICS_SYNC } from './logisticsSync';
export { PURCHASE_APPLY } from './purchaseApply';
export { PURCHASE_ORDER } from './purchaseOrder';
export { PURCHASE_STOCKIN } from './purchaseStockin';
export { REFUND } from './refund';
export { REFUND_STOCKIN, REFUND_STOCKIN_COMPLETED } from './refundStockin';
export { SALES_ORDER, SALES_ORDER_HISTORY_METHOD } from './salesOrder';
export {
	BY_MODIFIED_AND_STATUS,
	SALES_STOCKOUT,
	STOCKOUT_COMPLETED,
	STOCKOUT_DELAYED_SHIPMENT,
} from './salesStockout';
export { SHOP } from './shop';
export { STOCK } from './stock';
export { STOCK_COUNT, STOCK_COUNT_LINE_LIST, STOCK_COUNT_LINES_METHOD } from './stockCount';
export { MOVEMENT_DIRECTIONS, movementKey, STOCK_MOVEMENT, withDirection } from './stockMovement';
export { TRANSFER } from './transfer';
export { WAREHOUSE } from './warehouse';
