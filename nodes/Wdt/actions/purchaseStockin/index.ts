import type { WdtResource } from '../resource';
import * as getMany from './getMany.operation';

export const purchaseStockin: WdtResource = {
	value: 'purchaseStockin',
	name: 'Purchase Stock-In',
	description: 'Goods received against purchase orders',
	defaultOperation: 'getMany',
	operations: [getMany],
};
