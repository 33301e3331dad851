import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../../shared/transport';
import * as account from './account';
import * as custom from './custom';
import * as goods from './goods';
import * as logisticsSync from './logisticsSync';
import * as otherOut from './otherOut';
import * as purchaseApply from './purchaseApply';
import * as refund from './refund';
import * as salesOrder from './salesOrder';
import * as salesStockout from './salesStockout';
import * as shop from './shop';
import * as stock from './stock';
import * as warehouse from './warehouse';

type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

const operations: Record<string, Record<string, Operation>> = {
	purchaseApply: {
		create: purchaseApply.create.execute,
		cancel: purchaseApply.cancel.execute,
		stop: purchaseApply.stop.execute,
		getMany: purchaseApply.getMany.execute,
	},
	otherOut: { cancel: otherOut.cancel.execute, create: otherOut.create.execute },
	goods: {
		getMany: goods.getMany.execute,
		get: goods.get.execute,
		createOrUpdate: goods.createOrUpdate.execute,
	},
	logisticsSync: {
		getPending: logisticsSync.getPending.execute,
		reportResult: logisticsSync.reportResult.execute,
	},
	refund: { getMany: refund.getMany.execute, get: refund.get.execute },
	salesOrder: {
		getMany: salesOrder.getMany.execute,
		get: salesOrder.get.execute,
		push: salesOrder.push.execute,
	},
	salesStockout: {
		getMany: salesStockout.getMany.execute,
		get: salesStockout.get.execute,
		getManyCancelled: salesStockout.getManyCancelled.execute,
	},
	shop: { getMany: shop.getMany.execute },
	stock: { getMany: stock.getMany.execute },
	warehouse: { getMany: warehouse.getMany.execute },
	custom: { call: custom.call.execute },
	account: { checkAssumptions: account.checkAssumptions.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	try {
		return [await run.call(this)];
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
