import type { WdtResource } from '../resource';
import * as calculate from './calculate.operation';
import * as cancel from './cancel.operation';
import * as getPending from './getPending.operation';
import * as reportResult from './reportResult.operation';

export const stockSync: WdtResource = {
	value: 'stockSync',
	name: 'Stock Sync',
	description: 'Stock quantities to publish to self-owned shops',
	defaultOperation: 'getPending',
	operations: [getPending, calculate, reportResult, cancel],
};
