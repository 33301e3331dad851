import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getManyCancelled from './getManyCancelled.operation';

export { get, getMany, getManyCancelled };

export const description: INodeProperties[] = [
	operationSelector('salesStockout', 'getManyCancelled', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a sales stockout',
			description:
				'Get a stockout by stockout, order or logistics number (wms.stockout.Sales.queryWithDetail)',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many sales stockouts',
			description:
				'List stockouts modified in a time range, with their lines (wms.stockout.Sales.queryWithDetail)',
		},
		{
			name: 'Get Many Cancelled',
			value: 'getManyCancelled',
			action: 'Get many cancelled sales stockouts',
			description:
				'List sales stockouts cancelled in a time range (wms.stockout.Sales.searchCancel)',
		},
	]),
	...getMany.description,
	...get.description,
	...getManyCancelled.description,
];
