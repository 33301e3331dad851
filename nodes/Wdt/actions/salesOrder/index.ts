import type { WdtResource } from '../resource';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as push from './push.operation';

export const salesOrder: WdtResource = {
	value: 'salesOrder',
	name: 'Sales Order',
	description: 'Sales orders (trades)',
	defaultOperation: 'getMany',
	operations: [getMany, get, push],
};
