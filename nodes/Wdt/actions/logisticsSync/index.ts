import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as getPending from './getPending.operation';
import * as reportResult from './reportResult.operation';

export { getPending, reportResult };

export const description: INodeProperties[] = [
	operationSelector('logisticsSync', 'getPending', [
		{
			name: 'Get Pending',
			value: 'getPending',
			action: 'Get pending tracking numbers',
			description:
				'List tracking numbers waiting to be synced to self-owned shops (sales.LogisticsSync.getSyncListExt)',
		},
		{
			name: 'Report Result',
			value: 'reportResult',
			action: 'Report logistics sync results',
			description:
				'Tell WDT whether each tracking number reached your shop (sales.LogisticsSync.update)',
		},
	]),
	...getPending.description,
	...reportResult.description,
];
