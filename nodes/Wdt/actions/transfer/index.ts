import type { WdtResource } from '../resource';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as getMany from './getMany.operation';

export const transfer: WdtResource = {
	value: 'transfer',
	name: 'Transfer',
	description: 'Transfers of stock between warehouses',
	defaultOperation: 'getMany',
	operations: [getMany, create, cancel],
};
