import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_PARALLEL_REQUESTS, MAX_PARALLEL_REQUESTS } from '../../shared/transport/search';

/** The Parallel Requests option of reads that span several time windows. */
export function parallelRequestsOption(): INodeProperties {
	return {
		displayName: 'Parallel Requests',
		name: 'parallelRequests',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS },
		default: DEFAULT_PARALLEL_REQUESTS,
		description: `How many time windows to read at the same time (1–${MAX_PARALLEL_REQUESTS}). WDT's per-key call limits are shared with your other systems, so keep 1 unless long ranges are too slow. After a rate-limit reply (calls per minute, or too many calls at once) the node stops and says how far it got: WDT asks to rest the key 5–10 minutes after either, so lower this setting if concurrency limits come back. The output order does not depend on this setting.`,
	};
}

/** The read options collection; `extra` adds operation-specific options. */
export function readOptionsField(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...extra, parallelRequestsOption()],
	};
}

export function readOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
}

export function readParallelRequests(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = Number(readOptions(ctx, itemIndex).parallelRequests ?? DEFAULT_PARALLEL_REQUESTS);
	return Number.isFinite(value)
		? Math.min(MAX_PARALLEL_REQUESTS, Math.max(1, Math.floor(value)))
		: DEFAULT_PARALLEL_REQUESTS;
}
