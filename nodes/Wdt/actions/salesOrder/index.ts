import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	operationSelector('salesOrder', 'getMany', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a sales order',
			description:
				'Get an order by trade number or platform order number (sales.TradeQuery.queryWithDetail)',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many sales orders',
			description: 'List orders modified in a time range (sales.TradeQuery.queryWithDetail)',
		},
	]),
	...getMany.description,
	...get.description,
];
