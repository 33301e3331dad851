import type { WdtResource } from '../resource';
import * as getPending from './getPending.operation';
import * as reportResult from './reportResult.operation';

export const logisticsSync: WdtResource = {
	value: 'logisticsSync',
	name: 'Logistics Sync',
	description: 'Tracking numbers to sync to self-owned shops',
	defaultOperation: 'getPending',
	operations: [getPending, reportResult],
};
