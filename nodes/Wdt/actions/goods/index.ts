import type { WdtResource } from '../resource';
import * as createOrUpdate from './createOrUpdate.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const goods: WdtResource = {
	value: 'goods',
	name: 'Product',
	description: 'Goods (SPU) with their specs (SKU)',
	defaultOperation: 'getMany',
	operations: [getMany, get, createOrUpdate],
};
