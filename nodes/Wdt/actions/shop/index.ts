import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	operationSelector('shop', 'getMany', [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many shops',
			description: "List the ERP's shops (setting.Shop.queryShop)",
		},
	]),
	...getMany.description,
];
