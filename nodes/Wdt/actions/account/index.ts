import type { WdtResource } from '../resource';
import * as checkAssumptions from './checkAssumptions.operation';

export const account: WdtResource = {
	value: 'account',
	name: 'Account',
	description: 'Checks of how your WDT answers (read-only)',
	defaultOperation: 'checkAssumptions',
	operations: [checkAssumptions],
};
