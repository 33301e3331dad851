import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	operationSelector('warehouse', 'getMany', [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many warehouses',
			description: "List the ERP's warehouses (setting.Warehouse.queryWarehouse)",
		},
	]),
	...getMany.description,
];
