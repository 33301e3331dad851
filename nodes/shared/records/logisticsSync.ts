import type { WdtRecord } from './types';

/** A tracking number waiting to be synced to a self-owned shop (sales.LogisticsSync.getSyncListExt). */
export const LOGISTICS_SYNC: WdtRecord = {
	noun: 'logistics sync entry',
	method: 'sales.LogisticsSync.getSyncListExt',
	idField: 'sync_id',
	numberFields: ['tid', 'logistics_no'],
	statusLabels: {},
};
