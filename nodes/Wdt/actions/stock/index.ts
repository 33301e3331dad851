import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	operationSelector('stock', 'getMany', [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many stock records',
			description:
				'Stock per SKU and warehouse, current or changed in a time range (wms.StockSpec.search2)',
		},
	]),
	...getMany.description,
];
