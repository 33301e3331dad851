import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';

export { cancel };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['otherOut'] } },
		default: 'cancel',
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel other out business orders',
				description:
					'Cancel orders that are being edited, awaiting review or reviewed (wms.stockother.Out.cancelOrder)',
			},
		],
	},
	...cancel.description,
];
