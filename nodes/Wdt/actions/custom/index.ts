import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as call from './call.operation';

export { call };

export const description: INodeProperties[] = [
	operationSelector('custom', 'call', [
		{
			name: 'Call Any Method',
			value: 'call',
			action: 'Call any API method',
			description: 'Call any WDT API method with JSON arguments',
		},
	]),
	...call.description,
];
