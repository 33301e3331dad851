import type { WdtResource } from '../resource';
import * as call from './call.operation';

export const custom: WdtResource = {
	value: 'custom',
	name: 'Custom',
	description: 'Call any WDT API method by name',
	defaultOperation: 'call',
	operations: [call],
	subtitle: '$parameter["method"].value',
};
