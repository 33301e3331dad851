/**
 * The WDT node's resources. Adding one: a folder `<resource>/` with an index.ts declaring it and
 * one `<operation>.operation.ts` per operation, and a line below. The node's Resource and
 * Operation fields, its operations' fields, the router and the subtitle are folded from this list.
 */
import { account } from './account';
import { custom } from './custom';
import { goods } from './goods';
import { invoice } from './invoice';
import { logisticsSync } from './logisticsSync';
import { otherOut } from './otherOut';
import { purchaseApply } from './purchaseApply';
import { purchaseOrder } from './purchaseOrder';
import { purchaseStockin } from './purchaseStockin';
import { refund } from './refund';
import { refundStockin } from './refundStockin';
import {
	findOperation,
	resourceOperationSubtitle,
	resourceProperties,
	type WdtResource,
} from './resource';
import { salesOrder } from './salesOrder';
import { salesStockout } from './salesStockout';
import { shop } from './shop';
import { stock } from './stock';
import { stockCount } from './stockCount';
import { stockMovement } from './stockMovement';
import { stockSync } from './stockSync';
import { transfer } from './transfer';
import { warehouse } from './warehouse';

/** In the order their fields are listed; the Resource field lists them A to Z. */
export const RESOURCES: readonly WdtResource[] = [
	purchaseApply,
	purchaseOrder,
	purchaseStockin,
	goods,
	otherOut,
	logisticsSync,
	refund,
	refundStockin,
	salesOrder,
	salesStockout,
	shop,
	stock,
	stockCount,
	stockMovement,
	stockSync,
	transfer,
	invoice,
	warehouse,
	custom,
	account,
];

/** The resource a new node starts on. */
export const DEFAULT_RESOURCE = purchaseApply.value;

export const nodeProperties = resourceProperties(RESOURCES, DEFAULT_RESOURCE);

export const nodeSubtitle = resourceOperationSubtitle(RESOURCES);

export const operationOf = (resource: unknown, operation: unknown) =>
	findOperation(RESOURCES, resource, operation);
