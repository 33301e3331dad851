import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as cancel from './cancel.operation';

export { cancel };

export const description: INodeProperties[] = [
	operationSelector('otherOut', 'cancel', [
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel other out business orders',
			description:
				'Cancel orders that are being edited, awaiting review or reviewed (wms.stockother.Out.cancelOrder)',
		},
	]),
	...cancel.description,
];
