import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { WdtError } from '../../../shared/protocol';
import { callWdt } from '../../../shared/transport';
import { runPerItem } from '../perItem';
import { readLimit, returnAllLimitFields } from '../shared.fields';
import { goodsIdOf, PENDING_COUNT_MAX, PENDING_COUNT_MIN, PENDING_METHOD } from './stockSyncIds';

/** At most this many list calls per item (25 million ids at 5,000 per call): the loop's bound. */
export const MAX_PENDING_CALLS = 5000;

const properties: INodeProperties[] = [...returnAllLimitFields()];

/** Its entry in the Stock Sync resource's Operation field. */
export const option = {
	name: 'Get Pending',
	value: 'getPending',
	action: 'Get platform goods waiting for a stock sync',
	description:
		'List the platform goods of your self-owned shops whose stock waits to be published (sales.StockSync.getSelfWaitSyncIdListOpen), one item per goods with its rec_id',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['stockSync'], operation: ['getPending'] } },
	properties,
);

/**
 * The pending ids from position 0: each call asks for as many as are still wanted (within the
 * page's 10–5000) from the position the last reply gave. Stops on an empty id_list (not on a
 * missing or repeated position, which the page leaves open), on a reply with no new id, at the
 * limit, or after MAX_PENDING_CALLS calls.
 */
async function readPending(ctx: IExecuteFunctions, limit: number): Promise<IDataObject[]> {
	const seen = new Set<number>();
	const ids: IDataObject[] = [];
	let position = 0;
	for (let calls = 0; ids.length < limit; calls++) {
		if (calls >= MAX_PENDING_CALLS)
			throw new WdtError(
				`WDT ${PENDING_METHOD}: still not at the end of the pending list after ${MAX_PENDING_CALLS} calls (${ids.length} goods); set a Limit`,
				{ kind: 'badResponse', retryable: false, fix: 'Turn off Return All and set a Limit.' },
			);
		const count = Math.min(PENDING_COUNT_MAX, Math.max(PENDING_COUNT_MIN, limit - ids.length));
		const response = await callWdt.call(
			ctx,
			{ method: PENDING_METHOD, args: [count, position] },
			{ write: false },
		);
		const data = (response.data ?? {}) as IDataObject;
		if (!Array.isArray(data.id_list))
			throw new WdtError(
				`WDT ${PENDING_METHOD}: the reply has no id_list (data is ${JSON.stringify(data).slice(0, 200)})`,
				{
					kind: 'badResponse',
					retryable: false,
					fix: 'Run again; if it persists, tell WDT support.',
				},
			);
		if (data.id_list.length === 0) break;
		let added = 0;
		for (const raw of data.id_list) {
			const id = goodsIdOf(raw);
			if (id === undefined || seen.has(id) || ids.length >= limit) continue;
			seen.add(id);
			ids.push({ rec_id: id });
			added++;
		}
		// The page: "后面则使用上一次调用返回的position"; without one, the position sent stays.
		const next = goodsIdOf(data.position);
		if (added === 0 || next === undefined || next === position) break;
		position = next;
	}
	return ids;
}

/** sales.StockSync.getSelfWaitSyncIdListOpen: every pending platform goods, by position. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		(itemIndex) => readLimit(this, itemIndex),
		async (limit) => await readPending(this, limit),
	);
}
