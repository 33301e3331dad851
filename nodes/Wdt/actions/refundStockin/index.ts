import type { WdtResource } from '../resource';
import * as getMany from './getMany.operation';

export const refundStockin: WdtResource = {
	value: 'refundStockin',
	name: 'Refund Stock-In',
	description: 'Returned goods received into a warehouse',
	defaultOperation: 'getMany',
	operations: [getMany],
};
