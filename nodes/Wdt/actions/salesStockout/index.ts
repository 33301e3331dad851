import type { WdtResource } from '../resource';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getManyCancelled from './getManyCancelled.operation';

export const salesStockout: WdtResource = {
	value: 'salesStockout',
	name: 'Sales Stockout',
	description: 'Sales stockout orders',
	defaultOperation: 'getManyCancelled',
	operations: [getMany, get, getManyCancelled],
};
