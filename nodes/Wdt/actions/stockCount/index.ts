import type { WdtResource } from '../resource';
import * as getMany from './getMany.operation';

export const stockCount: WdtResource = {
	value: 'stockCount',
	name: 'Stock Count',
	description: 'Stock counts (stocktakes) and their variances per SKU',
	defaultOperation: 'getMany',
	operations: [getMany],
};
