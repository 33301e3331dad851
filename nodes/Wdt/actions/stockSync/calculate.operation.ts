import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { chunk } from '../../../shared/protocol';
import { callWdt, toNodeError } from '../../../shared/transport';
import { parameterReader } from '../parameters';
import { batchCalcResults, type CalcResult } from './calculateReply';
import { goodsIdField, PENDING_COUNT_MAX, readGoodsId } from './stockSyncIds';

export const CALC_METHOD = 'sales.StockSync.batchCalcStock';

const properties: INodeProperties[] = [
	goodsIdField(
		'The platform goods to calculate: rec_id from Stock Sync → Get Pending. WDT field: api_goods_id.',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Force Sync',
				name: 'forceSync',
				type: 'boolean',
				default: false,
				description:
					'Whether to calculate goods whose stock sync is off or that are deleted in WDT too (otherwise WDT refuses them). WDT field: force_sync.',
			},
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: PENDING_COUNT_MAX },
				default: PENDING_COUNT_MAX,
				description: `Goods per call, at most ${PENDING_COUNT_MAX} (as many as one Get Pending call returns; the page states no limit). Lower it only if WDT refuses large calls.`,
			},
		],
	},
];

/** Its entry in the Stock Sync resource's Operation field. */
export const option = {
	name: 'Calculate',
	value: 'calculate',
	action: 'Get the stock quantities to publish',
	description:
		'Calculate the quantity to publish for each platform goods by its sync rule (sales.StockSync.batchCalcStock); syn_stock is the quantity',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['stockSync'], operation: ['calculate'] } },
	properties,
);

interface CalcOptions {
	forceSync?: boolean;
	batchSize?: number;
}

/**
 * sales.StockSync.batchCalcStock for the ids of all input items: every id checked before the
 * first call, each id sent once, in calls of Batch Size. One item per input item: WDT's calc
 * map, or `error` for a goods WDT could not calculate (error_date), which with Continue On Fail
 * is an error item and otherwise stops the node after the calls.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as CalcOptions;
	const forceSync = options.forceSync === true;
	const batchSize = Math.min(
		PENDING_COUNT_MAX,
		Math.max(1, Math.floor(Number(options.batchSize ?? PENDING_COUNT_MAX)) || PENDING_COUNT_MAX),
	);
	const goodsIds = parameterReader(this, items, 'goodsId');
	const ids: Array<number | NodeApiError | NodeOperationError> = items.map((_, i) => {
		try {
			return readGoodsId(this, i, goodsIds);
		} catch (error) {
			const problem = toNodeError(this.getNode(), error, { itemIndex: i });
			if (!this.continueOnFail()) throw problem;
			return problem;
		}
	});
	const distinct = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
	const results = new Map<number, CalcResult>();
	for (const batch of chunk(distinct, batchSize)) {
		const response = await callWdt
			.call(
				this,
				{
					method: CALC_METHOD,
					args: [batch.map((id) => ({ api_goods_id: id, force_sync: forceSync }))],
				},
				{ write: false },
			)
			.catch((error: unknown) => {
				throw toNodeError(this.getNode(), error, {
					context: `Calculated ${results.size} of ${distinct.length} goods before this call`,
				});
			});
		for (const [id, result] of batchCalcResults(batch, response.data)) results.set(id, result);
	}

	const failed = new Map<number, string>();
	const toErrorOutput = this.getNode().onError === 'continueErrorOutput';
	const output = ids.map((id, item): INodeExecutionData => {
		if (typeof id !== 'number')
			return { json: { error: id.message }, error: id, pairedItem: { item } };
		const result = results.get(id) as CalcResult;
		if ('calc' in result) return { json: { ...result.calc }, pairedItem: { item } };
		failed.set(id, `${id} (${result.error})`);
		const json: IDataObject = { rec_id: id, error: result.error };
		// Only for the error output: n8n shows an item with `error` as that error alone.
		if (!toErrorOutput) return { json, pairedItem: { item } };
		const error = new NodeOperationError(this.getNode(), `Platform goods ${id}: ${result.error}`, {
			itemIndex: item,
		});
		return { json, error, pairedItem: { item } };
	});
	if (failed.size && !this.continueOnFail()) {
		const named = [...failed.values()];
		throw new NodeOperationError(
			this.getNode(),
			`Calculated ${distinct.length - failed.size} of ${distinct.length} goods; not calculated: ${named.slice(0, 5).join('; ')}${named.length > 5 ? `; and ${named.length - 5} more` : ''}`,
			{
				description:
					'Turn on Force Sync for goods whose sync is off, or set the node to continue on error to get one item per goods, each with its error.',
			},
		);
	}
	return output;
}
