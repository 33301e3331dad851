import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as push from './push.operation';

export { get, getMany, push };

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
		{
			name: 'Push',
			value: 'push',
			action: 'Push sales orders',
			description:
				'Create or update orders of a self-owned shop by platform order number (sales.RawTrade.pushSelf2)',
		},
	]),
	...getMany.description,
	...get.description,
	...push.description,
];
