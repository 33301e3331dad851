import type { WdtResource } from '../resource';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const invoice: WdtResource = {
	value: 'invoice',
	name: 'Invoice',
	description: 'Invoices',
	defaultOperation: 'getMany',
	operations: [getMany, update],
};
