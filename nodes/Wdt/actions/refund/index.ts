import type { WdtResource } from '../resource';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as push from './push.operation';

export const refund: WdtResource = {
	value: 'refund',
	name: 'Refund',
	description: 'Refunds, returns and exchanges',
	defaultOperation: 'getMany',
	operations: [getMany, get, push],
};
