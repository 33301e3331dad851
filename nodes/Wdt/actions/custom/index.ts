import type { INodeProperties } from 'n8n-workflow';

import * as call from './call.operation';

export { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['custom'] } },
		default: 'call',
		options: [
			{
				name: 'Call Any Method',
				value: 'call',
				action: 'Call any WDT method',
				description: 'Call any WDT API method with JSON arguments',
			},
		],
	},
	...call.description,
];
