/**
 * The WDT node's resources, one entry each. Adding one: its record type in nodes/shared/records
 * (which names it), one `<resource>/<operation>.operation.ts` per operation, and here an import
 * per operation plus one `resourceOf` entry (docs/adding-an-operation.md). The node's Resource
 * and Operation fields, its operations' fields, the router and the subtitle are folded from it.
 */
import {
	GOODS,
	INVOICE,
	LOGISTICS_SYNC,
	PURCHASE_APPLY,
	PURCHASE_ORDER,
	PURCHASE_STOCKIN,
	REFUND,
	REFUND_STOCKIN,
	SALES_ORDER,
	SALES_STOCKOUT,
	SHOP,
	STOCK,
	STOCK_COUNT,
	STOCK_MOVEMENT,
	TRANSFER,
	WAREHOUSE,
} from '../../shared/records';
import * as accountCheckAssumptions from './account/checkAssumptions.operation';
import * as customCall from './custom/call.operation';
import * as goodsCreateOrUpdate from './goods/createOrUpdate.operation';
import * as goodsGet from './goods/get.operation';
import * as goodsGetMany from './goods/getMany.operation';
import * as invoiceGetMany from './invoice/getMany.operation';
import * as invoiceUpdate from './invoice/update.operation';
import * as logisticsSyncGetPending from './logisticsSync/getPending.operation';
import * as logisticsSyncReportResult from './logisticsSync/reportResult.operation';
import * as otherOutCancel from './otherOut/cancel.operation';
import * as otherOutCreate from './otherOut/create.operation';
import * as purchaseApplyCancel from './purchaseApply/cancel.operation';
import * as purchaseApplyCreate from './purchaseApply/create.operation';
import * as purchaseApplyGetMany from './purchaseApply/getMany.operation';
import * as purchaseApplyStop from './purchaseApply/stop.operation';
import * as purchaseOrderCancel from './purchaseOrder/cancel.operation';
import * as purchaseOrderCreate from './purchaseOrder/create.operation';
import * as purchaseOrderGet from './purchaseOrder/get.operation';
import * as purchaseOrderGetMany from './purchaseOrder/getMany.operation';
import * as purchaseStockinGetMany from './purchaseStockin/getMany.operation';
import * as refundGet from './refund/get.operation';
import * as refundGetMany from './refund/getMany.operation';
import * as refundPush from './refund/push.operation';
import * as refundStockinGetMany from './refundStockin/getMany.operation';
import * as salesOrderGet from './salesOrder/get.operation';
import * as salesOrderGetMany from './salesOrder/getMany.operation';
import * as salesOrderPush from './salesOrder/push.operation';
import * as salesStockoutGet from './salesStockout/get.operation';
import * as salesStockoutGetMany from './salesStockout/getMany.operation';
import * as salesStockoutGetManyCancelled from './salesStockout/getManyCancelled.operation';
import * as shopGetMany from './shop/getMany.operation';
import * as stockGetMany from './stock/getMany.operation';
import * as stockCountGetMany from './stockCount/getMany.operation';
import * as stockMovementGetMany from './stockMovement/getMany.operation';
import * as stockSyncCalculate from './stockSync/calculate.operation';
import * as stockSyncCancel from './stockSync/cancel.operation';
import * as stockSyncGetPending from './stockSync/getPending.operation';
import * as stockSyncReportResult from './stockSync/reportResult.operation';
import * as transferCancel from './transfer/cancel.operation';
import * as transferCreate from './transfer/create.operation';
import * as transferGetMany from './transfer/getMany.operation';
import * as warehouseGetMany from './warehouse/getMany.operation';
import {
	findOperation,
	resourceOf,
	resourceOperationSubtitle,
	resourceProperties,
	type WdtResource,
} from './resource';

/** In the order their fields are listed; the Resource field lists them A to Z. */
export const RESOURCES: readonly WdtResource[] = [
	resourceOf(
		'purchaseApply',
		PURCHASE_APPLY,
		[purchaseApplyCreate, purchaseApplyCancel, purchaseApplyStop, purchaseApplyGetMany],
		{ defaultOperation: 'create' },
	),
	resourceOf('purchaseOrder', PURCHASE_ORDER, [
		purchaseOrderGetMany,
		purchaseOrderGet,
		purchaseOrderCreate,
		purchaseOrderCancel,
	]),
	resourceOf('purchaseStockin', PURCHASE_STOCKIN, [purchaseStockinGetMany]),
	resourceOf('goods', GOODS, [goodsGetMany, goodsGet, goodsCreateOrUpdate]),
	resourceOf('otherOut', { name: 'Other Out', description: 'Other-out business orders' }, [
		otherOutCancel,
		otherOutCreate,
	]),
	resourceOf('logisticsSync', LOGISTICS_SYNC, [logisticsSyncGetPending, logisticsSyncReportResult]),
	resourceOf('refund', REFUND, [refundGetMany, refundGet, refundPush]),
	resourceOf('refundStockin', REFUND_STOCKIN, [refundStockinGetMany]),
	resourceOf('salesOrder', SALES_ORDER, [salesOrderGetMany, salesOrderGet, salesOrderPush]),
	resourceOf(
		'salesStockout',
		SALES_STOCKOUT,
		[salesStockoutGetMany, salesStockoutGet, salesStockoutGetManyCancelled],
		{ defaultOperation: 'getManyCancelled' },
	),
	resourceOf('shop', SHOP, [shopGetMany]),
	resourceOf('stock', STOCK, [stockGetMany]),
	resourceOf('stockCount', STOCK_COUNT, [stockCountGetMany]),
	resourceOf('stockMovement', STOCK_MOVEMENT, [stockMovementGetMany]),
	resourceOf(
		'stockSync',
		{ name: 'Stock Sync', description: 'Stock quantities to publish to self-owned shops' },
		[stockSyncGetPending, stockSyncCalculate, stockSyncReportResult, stockSyncCancel],
	),
	resourceOf('transfer', TRANSFER, [transferGetMany, transferCreate, transferCancel]),
	resourceOf('invoice', INVOICE, [invoiceGetMany, invoiceUpdate]),
	resourceOf('warehouse', WAREHOUSE, [warehouseGetMany]),
	resourceOf(
		'custom',
		{ name: 'Custom', description: 'Call any WDT API method by name' },
		[customCall],
		{ subtitle: '$parameter["method"].value' },
	),
	resourceOf(
		'account',
		{ name: 'Account', description: 'Checks of how your WDT answers (read-only)' },
		[accountCheckAssumptions],
	),
];

/** The resource a new node starts on. */
export const DEFAULT_RESOURCE = 'purchaseApply';

export const nodeProperties = resourceProperties(RESOURCES, DEFAULT_RESOURCE);

export const nodeSubtitle = resourceOperationSubtitle(RESOURCES);

export const operationOf = (resource: unknown, operation: unknown) =>
	findOperation(RESOURCES, resource, operation);
