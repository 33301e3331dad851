import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as cancel from './cancel.operation';
import * as create from './create.operation';

export { cancel, create };

export const description: INodeProperties[] = [
	operationSelector('otherOut', 'cancel', [
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel other-out business orders',
			description:
				'Cancel orders that are being edited, awaiting review or reviewed (wms.stockother.Out.cancelOrder)',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create other-out business orders',
			description:
				'Create orders that take stock out of a warehouse, from lines or input rows (wms.stockother.Out.push)',
		},
	]),
	...cancel.description,
	...create.description,
];
