import type { INodeProperties } from 'n8n-workflow';

import { MAX_PROBE_CALLS } from '../../../shared/assumptions';
import { operationSelector } from '../common';
import * as checkAssumptions from './checkAssumptions.operation';

export { checkAssumptions };

export const description: INodeProperties[] = [
	operationSelector('account', 'checkAssumptions', [
		{
			name: 'Check Assumptions',
			value: 'checkAssumptions',
			action: 'Check assumptions about this account',
			description: `Tell which reading of the ambiguous vendor pages your WDT follows. Only reads: at most ${MAX_PROBE_CALLS} query calls.`,
		},
	]),
	...checkAssumptions.description,
];
