import type { WdtResource } from '../resource';
import * as getMany from './getMany.operation';

export const stock: WdtResource = {
	value: 'stock',
	name: 'Stock',
	description: 'Stock per SKU and warehouse',
	defaultOperation: 'getMany',
	operations: [getMany],
};
