import type { WdtResource } from '../resource';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const purchaseOrder: WdtResource = {
	value: 'purchaseOrder',
	name: 'Purchase Order',
	description: 'Purchase orders to suppliers',
	defaultOperation: 'getMany',
	operations: [getMany, get, create, cancel],
};
