import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { HOUR_MS, splitIntoWindows, WdtError, type TimeWindow } from '../../../shared/protocol';
import { readRecords, type ReadQuery } from '../../../shared/read';
import {
	lengthOf,
	MOVEMENT_DIRECTIONS,
	movementKey,
	STOCK_MOVEMENT,
	withDirection,
} from '../../../shared/records';
import {
	codeFilter,
	locatorFilter,
	readFilterParams,
	readSkuCodes,
	type FilterRead,
} from '../filterReaders';
import { WAREHOUSE_FILTER, warehouseLocator } from '../locators';
import { getManyOption, readOperation, readPaging, timeRangeOf } from '../readOperation';
import {
	codeFilterField,
	filtersField,
	getManyFields,
	operationFields,
	readTimeRange,
	timeRangeFields,
} from '../shared.fields';

/** Without SKU codes the catalog's window: 60 minutes ("不传入商家编码 … 最大跨度为60min"). */
const TIME_RANGE = timeRangeOf(STOCK_MOVEMENT, 'movement', {
	hint: 'Empty: the last hour. For today, set Modified After to midnight.',
});

/** With a SKU code the page allows 30 days per call ("如传入商家编码 … 最大跨度为30天"). */
export const SKU_WINDOW_MS = 30 * 24 * HOUR_MS;

/** SKU codes of one item: one query each (spec_no takes one code). */
export const MAX_MOVEMENT_SKUS = 50;

/**
 * Calls of one-hour windows one item may take where WDT refuses 30 days with a SKU code (the
 * page's other reading): as many as a month without SKU codes takes.
 */
export const MAX_HOUR_WINDOWS = 31 * 24;

/** WDT's refusal of a window over an hour (the page's 异常响应示例 says 1小时). */
const HOUR_REFUSAL = /1\s*小时|60\s*min|60\s*分钟/i;

const properties: INodeProperties[] = [
	...timeRangeFields(TIME_RANGE),
	warehouseLocator({
		description:
			'Optional: only movements in this warehouse. Empty: every warehouse the key may read. WDT field: warehouse_no.',
	}),
	{
		displayName: 'SKU Codes',
		name: 'specNos',
		type: 'string',
		default: '',
		placeholder: 'e.g. TS-001-BLK-M, MUG-350',
		description: `Optional: only these SKUs (merchant codes), comma-separated, at most ${MAX_MOVEMENT_SKUS}. WDT takes one code per query, so the node reads each SKU on its own; with SKU codes WDT allows 30 days per call, without them one hour. WDT field: spec_no.`,
	},
	filtersField([
		codeFilterField(
			{
				displayName: 'Direction',
				name: 'type',
				description:
					'Only stock coming in or only stock going out. Any: both. Each item says it in direction (in/out). WDT field: type.',
			},
			MOVEMENT_DIRECTIONS,
		),
		{
			displayName: 'Defective Stock',
			name: 'defect',
			type: 'boolean',
			default: false,
			description:
				'Whether to read the movements of defective stock instead of good stock (WDT returns one or the other; default good stock). WDT field: defect.',
		},
	]),
	...getManyFields(),
];

/** Its entry in the Stock Movement resource's Operation field. */
export const option = getManyOption(
	'Get many stock movements',
	'Which SKUs moved and why: every stock-in and stockout in a time range, with the stock before and after, the source document and its type (wms.StockSpec.queryChangeHistory)',
);

export const description = operationFields('stockMovement', 'getMany', properties);

interface MovementQuery extends ReadQuery {
	range: TimeWindow;
	specNos: string[];
}

const FILTERS: FilterRead[] = [
	locatorFilter(WAREHOUSE_FILTER),
	codeFilter('type', 'type'),
	{ wdtField: 'defect', read: (_ctx, _itemIndex, filters) => filters.defect === true },
];

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): MovementQuery {
	return {
		params: readFilterParams(ctx, itemIndex, FILTERS),
		range: readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE),
		specNos: readSkuCodes(ctx, itemIndex, {
			wdtField: 'spec_no',
			maxLength: lengthOf(STOCK_MOVEMENT, 'spec_no'),
			maxCodes: MAX_MOVEMENT_SKUS,
		}),
		...readPaging(ctx, itemIndex),
	};
}

const refusesOverAnHour = (error: unknown) =>
	error instanceof WdtError &&
	error.status === 100 &&
	HOUR_REFUSAL.test(error.wdtMessage ?? error.message);

/**
 * The movements of one item: without SKU codes one read in one-hour windows; with them one read
 * per code in 30-day windows, and in one-hour windows where WDT refuses more than an hour with a
 * code too (the page states the window both ways), within MAX_HOUR_WINDOWS calls.
 */
export async function readMovements(
	this: IExecuteFunctions,
	query: MovementQuery,
): Promise<IDataObject[]> {
	const { specNos, range, limit = Infinity } = query;
	const read = async (params: IDataObject, maxWindowMs?: number) =>
		await readRecords.call(
			this,
			{ record: STOCK_MOVEMENT, finish: withDirection },
			{ ...query, params, maxWindowMs, limit },
		);
	if (specNos.length === 0) return await read(query.params);
	const byKey = new Map<string, IDataObject>();
	let hourly = false;
	for (const specNo of specNos) {
		if (byKey.size >= limit) break;
		const params = { ...query.params, spec_no: specNo };
		let refusal: WdtError | undefined;
		let rows = await read(params, hourly ? HOUR_MS : SKU_WINDOW_MS).catch((error: unknown) => {
			if (hourly || !refusesOverAnHour(error)) return Promise.reject(error);
			refusal = error as WdtError;
			return undefined;
		});
		if (rows === undefined) {
			hourly = true;
			const calls =
				splitIntoWindows(range.startMs, range.endMs, HOUR_MS).length *
				(specNos.length - specNos.indexOf(specNo));
			if (calls > MAX_HOUR_WINDOWS)
				throw new NodeOperationError(
					this.getNode(),
					`WDT refused a range longer than one hour for SKU ${specNo} ("${refusal?.wdtMessage ?? ''}"): on this account it reads stock movements one hour per call even with a SKU code, and this range needs ${calls} calls, more than ${MAX_HOUR_WINDOWS}`,
					{
						description:
							'Narrow the time range or the SKU codes, or use the WDT Trigger (Stock Moved) to follow movements as they happen.',
					},
				);
			rows = await read(params, HOUR_MS);
		}
		for (const row of rows) {
			const key = movementKey(row);
			if (!byKey.has(key)) byKey.set(key, row);
		}
	}
	return [...byKey.values()].slice(0, limit);
}

/** wms.StockSpec.queryChangeHistory over any range up to a month, items paired. */
export const execute = readOperation(readMovements, readQuery);
