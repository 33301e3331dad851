import type { WdtResource } from '../resource';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as stop from './stop.operation';

export const purchaseApply: WdtResource = {
	value: 'purchaseApply',
	name: 'Purchase Apply',
	description: 'Purchase applies (requisitions)',
	defaultOperation: 'create',
	operations: [create, cancel, stop, getMany],
};
