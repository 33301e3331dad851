import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { succeededOutcome } from '../../../shared/protocol';
import { invalidInput, parameterReader } from '../parameters';
import { planEachItem, runWrite, type WriteSpec } from '../write';
import { goodsIdField, readGoodsId } from './stockSyncIds';

export const CANCEL_METHOD = 'sales.StockSync.cancelSync';

const properties: INodeProperties[] = [
	goodsIdField(
		'The platform goods whose pending sync to cancel: rec_id from Get Pending or Calculate. WDT field: apiGoodsId.',
	),
	{
		displayName: 'Stock Change Count',
		name: 'stockChangeCount',
		type: 'string',
		default: '-1',
		description:
			"The stock_change_count of the sync to cancel, from Calculate; -1 (the page's example) for the current one. WDT field: stockChangeCount.",
	},
];

/** Its entry in the Stock Sync resource's Operation field. */
export const option = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel pending stock syncs',
	description:
		'Take platform goods off the pending stock sync list without publishing (sales.StockSync.cancelSync)',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['stockSync'], operation: ['cancel'] } },
	properties,
);

interface CancelSync {
	apiGoodsId: number;
	stockChangeCount: number;
}

function readCancel(
	ctx: IExecuteFunctions,
	itemIndex: number,
	goodsIds: (itemIndex: number) => unknown,
): CancelSync {
	const apiGoodsId = readGoodsId(ctx, itemIndex, goodsIds);
	const raw = ctx.getNodeParameter('stockChangeCount', itemIndex, '-1') as unknown;
	const text = String(raw ?? '').trim();
	const count = /^-?\d+$/.test(text) ? Number(text) : NaN;
	if (!Number.isSafeInteger(count) || count < -1)
		throw invalidInput(
			ctx,
			itemIndex,
			'Stock Change Count (stockChangeCount)',
			`must be a whole number (-1 or more), got "${text}".`,
		);
	return { apiGoodsId, stockChangeCount: count };
}

/** sales.StockSync.cancelSync: one goods per call, checked first, sent once. */
const spec: WriteSpec<CancelSync> = {
	method: CANCEL_METHOD,
	words: {
		one: 'stock sync',
		many: 'stock syncs',
		action: 'cancel',
		done: 'cancelled',
		statusRule: 'WDT cancels only syncs that are pending',
	},
	plan: (ctx) => {
		const goodsIds = parameterReader(ctx, ctx.getInputData(), 'goodsId');
		return planEachItem(ctx, (i) => readCancel(ctx, i, goodsIds));
	},
	key: (cancel) => String(cancel.apiGoodsId),
	sameKey: 'merge',
	batch: { limit: 1 },
	args: ([cancel]) => [cancel.apiGoodsId, cancel.stockChangeCount],
	outcomes: (batch) => batch.map((cancel) => succeededOutcome(String(cancel.apiGoodsId))),
	output: (cancel) => ({ rec_id: cancel.apiGoodsId }),
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, spec);
}
