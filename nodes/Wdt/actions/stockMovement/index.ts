import type { WdtResource } from '../resource';
import * as getMany from './getMany.operation';

export const stockMovement: WdtResource = {
	value: 'stockMovement',
	name: 'Stock Movement',
	description: 'Stock-ins and stockouts per SKU, with the stock before and after and why',
	defaultOperation: 'getMany',
	operations: [getMany],
};
