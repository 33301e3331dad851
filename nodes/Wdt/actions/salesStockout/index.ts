import type { INodeProperties } from 'n8n-workflow';

import * as getManyCancelled from './getManyCancelled.operation';

export { getManyCancelled };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['salesStockout'] } },
		default: 'getManyCancelled',
		options: [
			{
				name: 'Get Many Cancelled',
				value: 'getManyCancelled',
				action: 'Get many cancelled sales stockouts',
				description:
					'List sales stockouts cancelled in a time range (wms.stockout.Sales.searchCancel)',
			},
		],
	},
	...getManyCancelled.description,
];
