import type { WdtResource } from '../resource';
import * as cancel from './cancel.operation';
import * as create from './create.operation';

export const otherOut: WdtResource = {
	value: 'otherOut',
	name: 'Other Out',
	description: 'Other-out business orders',
	defaultOperation: 'cancel',
	operations: [cancel, create],
};
