import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as createOrUpdate from './createOrUpdate.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { createOrUpdate, get, getMany };

export const description: INodeProperties[] = [
	operationSelector('goods', 'getMany', [
		{
			name: 'Create or Update',
			value: 'createOrUpdate',
			action: 'Create or update products',
			description:
				'Push goods with their SKUs; existing goods and SKU numbers are updated (goods.Goods.batchPush)',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a product',
			description:
				'Get goods with their specs by goods number or SKU code (goods.Goods.queryWithSpec)',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many products',
			description:
				'List goods with their specs modified in a time range (goods.Goods.queryWithSpec)',
		},
	]),
	...getMany.description,
	...get.description,
	...createOrUpdate.description,
];
