import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { orderNumberKey } from '../../../shared/protocol';
import { invalidInput } from '../parameters';
import {
	checkedFields,
	columnValue,
	groupItemsBy,
	planEach,
	planEachItem,
	type Planned,
	readLinesSource,
	runWrite,
	snakeCaseKeys,
	text,
	type WriteSpec,
} from '../write';
import { goodsBatchPushOutcomes } from './batchPushReply';
import {
	BATCH_PUSH,
	GOODS,
	LABELS,
	MAX_GOODS_PER_CALL,
	MAX_SPECS_PER_GOODS,
	SPEC,
} from './createOrUpdate.fields';

export { description } from './createOrUpdate.fields';

/** Its entry in the Product resource's Operation field. */
export const option = {
	name: 'Create or Update',
	value: 'createOrUpdate',
	action: 'Create or update products',
	description:
		'Push goods with their SKUs; existing goods and SKU numbers are updated (goods.Goods.batchPush)',
};

/** Said on every output item: WDT matches goods_no and spec_no (both push pages). */
const ON_RE_RUN =
	'WDT matches goods by goods_no and SKUs by spec_no: running this again updates the same goods and SKUs instead of creating them twice';

interface PlannedGoods {
	goods: IDataObject & { goods_no: string };
	specs: IDataObject[];
	ignoredColumns: string[];
}

/** The goods fields the page documents (its SKUs apart). */
const GOODS_FIELDS = new Map([...GOODS.documented].filter(([name]) => name !== 'spec_list'));

/** The goods fields of one item: the Goods Fields collection over `values`. */
function readGoods(
	ctx: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
): PlannedGoods['goods'] {
	const collection = ctx.getNodeParameter('goodsFields', itemIndex, {}) as IDataObject;
	const goods = checkedFields(
		ctx,
		itemIndex,
		'',
		GOODS_FIELDS,
		{ ...values, ...collection },
		['goods_no', 'goods_name'],
		LABELS,
	);
	return goods as PlannedGoods['goods'];
}

function checkSpecCount(ctx: IExecuteFunctions, itemIndex: number, count: number): void {
	if (count === 0)
		throw invalidInput(ctx, itemIndex, 'SKUs (spec_list)', 'are empty: add at least one SKU.');
	if (count > MAX_SPECS_PER_GOODS)
		throw invalidInput(
			ctx,
			itemIndex,
			'SKUs (spec_list)',
			`has ${count} SKUs; WDT takes at most ${MAX_SPECS_PER_GOODS} SKUs per goods in one call (${BATCH_PUSH}). Split the goods' SKUs over several runs.`,
		);
}

/** The SKU entries of one item (Define Below). */
const specEntries = (ctx: IExecuteFunctions, itemIndex: number) =>
	((ctx.getNodeParameter('specs', itemIndex, {}) as IDataObject).spec ?? []) as IDataObject[];

function planFromFields(ctx: IExecuteFunctions, itemIndex: number): PlannedGoods {
	const goods = readGoods(ctx, itemIndex, {
		goods_no: ctx.getNodeParameter('goodsNo', itemIndex, '') as string,
		goods_name: ctx.getNodeParameter('goodsName', itemIndex, '') as string,
	});
	const entries = specEntries(ctx, itemIndex);
	checkSpecCount(ctx, itemIndex, entries.length);
	const specs = entries.map((entry, at) =>
		checkedFields(
			ctx,
			itemIndex,
			`SKUs → SKU ${at + 1} → `,
			SPEC.documented,
			snakeCaseKeys(entry),
			['spec_no'],
			LABELS,
		),
	);
	return { goods, specs, ignoredColumns: [] };
}

/** One goods from its rows: SKU columns per row, goods columns from every row (they must agree). */
function planFromRows(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	goodsColumn: string,
	itemIndices: number[],
): PlannedGoods {
	const [first] = itemIndices;
	const goodsNo = text(items[first].json[goodsColumn]);
	checkSpecCount(ctx, first, itemIndices.length);
	const ignored = new Set<string>();
	const goodsValues: IDataObject = {};
	const specs = itemIndices.map((i) => {
		const specColumn = text(ctx.getNodeParameter('specNoColumn', i, 'spec_no'));
		const spec: IDataObject = {
			spec_no: columnValue(ctx, items, i, specColumn, 'SKU Code Column') as string,
		};
		for (const [column, value] of Object.entries(items[i].json)) {
			if (column === specColumn || column === goodsColumn) continue;
			if (SPEC.documented.has(column)) spec[column] = value as string;
			else if (GOODS_FIELDS.has(column)) {
				if (i === first) goodsValues[column] = value as string;
				// Every row of a goods carries its goods fields: as the first row's, or empty.
				else if (text(value) !== '' && text(value) !== text(goodsValues[column]))
					throw invalidInput(
						ctx,
						i,
						LABELS[column] ? `${LABELS[column]} (${column})` : column,
						`is "${text(value)}" here but ${text(goodsValues[column]) ? `"${text(goodsValues[column])}"` : 'empty'} in item ${first + 1}, a row of the same goods (goods_no "${goodsNo}"). A goods number is one goods: give all its rows the same goods values, or give different goods different numbers.`,
					);
			} else ignored.add(column);
		}
		return checkedFields(ctx, i, '', SPEC.documented, spec, ['spec_no'], LABELS);
	});
	const goods = readGoods(ctx, first, { ...goodsValues, goods_no: goodsNo });
	return { goods, specs, ignoredColumns: [...ignored] };
}

/** The goods of the input: one per item, or rows grouped by their goods number. */
function planGoods(ctx: IExecuteFunctions): Array<Planned<PlannedGoods>> {
	const items = ctx.getInputData();
	const goodsColumn = text(ctx.getNodeParameter('goodsNoColumn', 0, 'goods_no'));
	const fromRows = readLinesSource(ctx, 'define') === 'inputItems';
	const planned = fromRows
		? planEach(ctx, groupItemsBy(ctx, items, goodsColumn, 'Goods Number Column'), (itemIndices) =>
				planFromRows(ctx, items, goodsColumn, itemIndices),
			)
		: planEachItem(ctx, (i) => planFromFields(ctx, i));
	/** A refused goods' numbers as typed, so that a sheet can mark it (its error says why). */
	const typed = ([first, ...others]: number[]): IDataObject => {
		const goodsNo = fromRows
			? text(items[first].json[goodsColumn])
			: text(ctx.getNodeParameter('goodsNo', first, ''));
		const specNos = fromRows
			? [first, ...others].map((i) =>
					text(items[i].json[text(ctx.getNodeParameter('specNoColumn', i, 'spec_no'))]),
				)
			: specEntries(ctx, first).map((entry) => text(entry.specNo));
		return { ...(goodsNo ? { goods_no: goodsNo } : {}), spec_nos: specNos.filter(Boolean) };
	};
	return planned.map((entry) =>
		'error' in entry ? { ...entry, json: typed(entry.itemIndices) } : entry,
	);
}

/** A SKU code belongs to one SKU of one goods. */
function refuseRepeatedSpecs(ctx: IExecuteFunctions, planned: Array<Planned<PlannedGoods>>): void {
	const specAt = new Map<string, number>();
	for (const entry of planned) {
		if (!('doc' in entry)) continue;
		entry.doc.specs.forEach((spec, at) => {
			const item = entry.itemIndices[at] ?? entry.itemIndices[0];
			const key = orderNumberKey(String(spec.spec_no));
			const first = specAt.get(key);
			if (first !== undefined)
				throw invalidInput(
					ctx,
					item,
					'SKU Code (spec_no)',
					`"${String(spec.spec_no)}" is also used by item ${first + 1}; a SKU code belongs to one SKU of one goods.`,
				);
			specAt.set(key, item);
		});
	}
}

/**
 * goods.Goods.batchPush in calls of at most 50 goods. Every goods is checked against that page
 * before the first call. A call is never re-sent: a lost reply leaves its goods unknown and the
 * node stops sending; WDT's per-goods failures are per-item results.
 */
const spec: WriteSpec<PlannedGoods> = {
	method: BATCH_PUSH,
	words: {
		one: 'goods',
		many: 'goods',
		action: 'create or update',
		done: 'created or updated',
		statusRule: 'WDT creates a goods number it does not have and updates one it has',
	},
	plan: planGoods,
	key: (plan) => plan.goods.goods_no,
	sameKey: { refuse: 'Goods Number (goods_no)', why: 'send each goods once, with all its SKUs' },
	checkAll: refuseRepeatedSpecs,
	batch: { limit: MAX_GOODS_PER_CALL },
	args: (batch) => [batch.map((plan) => ({ ...plan.goods, spec_list: plan.specs }))],
	outcomes: (batch, response) =>
		goodsBatchPushOutcomes(
			batch.map((plan) => plan.goods.goods_no),
			response.data,
		),
	output: (plan) => ({
		goods_no: plan.goods.goods_no,
		method: BATCH_PUSH,
		spec_nos: plan.specs.map((one) => one.spec_no as string),
		on_re_run: ON_RE_RUN,
		...(plan.ignoredColumns.length ? { ignored_columns: plan.ignoredColumns } : {}),
	}),
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, spec);
}
