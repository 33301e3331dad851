import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	operationSelector('refund', 'getMany', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a refund',
			description: 'Get a refund or exchange by refund number (aftersales.refund.Refund.search)',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many refunds',
			description:
				'List refunds and exchanges modified in a time range (aftersales.refund.Refund.search)',
		},
	]),
	...getMany.description,
	...get.description,
];
