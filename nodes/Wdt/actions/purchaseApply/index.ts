import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../common';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as stop from './stop.operation';

export { cancel, create, getMany, stop };

export const description: INodeProperties[] = [
	operationSelector('purchaseApply', 'create', [
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel purchase applies',
			description:
				'Cancel applies that are being edited or awaiting confirmation (purchase.PurchaseApply.cancelForApi)',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a purchase apply',
			description: 'Create a purchase apply with its detail lines (purchase.PurchaseApply.upload)',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many purchase applies',
			description: 'List applies and their detail lines (purchase.PurchaseApply.search)',
		},
		{
			name: 'Stop',
			value: 'stop',
			action: 'Stop referencing purchase applies',
			description:
				'Stop partly referenced applies from being referenced further (purchase.PurchaseApply.stopForApi)',
		},
	]),
	...create.description,
	...cancel.description,
	...stop.description,
	...getMany.description,
];
