import type { WdtRecord } from './types';

/** A tracking number waiting to be synced to a self-owned shop (sales.LogisticsSync.getSyncListExt). */
export const LOGISTICS_SYNC: WdtRecord = {
	name: 'Logistics Sync',
	description: 'Tracking numbers to sync to self-owned shops',
	noun: 'logistics sync entry',
	method: 'sales.LogisticsSync.getSyncListExt',
	idField: 'sync_id',
	numberFields: ['tid', 'logistics_no'],
	statusLabels: {},
};
