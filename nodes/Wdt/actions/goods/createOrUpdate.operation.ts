import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { chunk, orderNumberKey, type OrderOutcome } from '../../../shared/protocol';
import { toNodeError } from '../../../shared/transport';
import { invalidInput } from '../parameters';
import {
	checkedFields,
	columnFields,
	columnValue,
	documentedFields,
	entriesField,
	groupItemsBy,
	linesSourceField,
	snakeCaseKeys,
	text,
} from '../write';
import {
	type BatchEntry,
	type BatchOperation,
	batchOutput,
	planEachItem,
	sendWriteBatches,
	type WriteBatch,
} from '../write/legacy';
import { goodsBatchPushOutcomes } from './batchPushReply';

/**
 * Every goods goes to goods.Goods.batchPush, also a single one: the fields offered and checked
 * are that page's, so a workflow behaves the same with one row or many. (goods.Goods.push, for
 * one goods, documents other fields: no pinyin, goods types 9 and 10, validity_type.)
 */
const BATCH_PUSH = 'goods.Goods.batchPush';
/** goods.Goods.batchPush: "spu维度一次不超过50条，一个goodsInfo下sku维度一次不超过500条". */
export const MAX_GOODS_PER_CALL = 50;
export const MAX_SPECS_PER_GOODS = 500;
/** Said on every output item: WDT matches goods_no and spec_no (both push pages). */
const ON_RE_RUN =
	'WDT matches goods by goods_no and SKUs by spec_no: running this again updates the same goods and SKUs instead of creating them twice';

const show = { resource: ['goods'], operation: ['createOrUpdate'] };
const defined = { ...show, linesSource: ['define'] };
const fromItems = { ...show, linesSource: ['inputItems'] };

const GOODS_TYPES: Array<[string, number]> = [
	['Other', 0],
	['Sales Goods', 1],
	['Raw Material', 2],
	['Packaging', 3],
	['Turnover Material', 4],
	['Virtual Goods', 5],
	['Fixed Asset', 6],
	['Sub-Packing Box', 8],
];

/** Optional goods fields offered in the node, named as WDT names them, with their labels. */
const GOODS_TEXT_FIELDS: Array<[string, string]> = [
	['Category Name', 'class_name'],
	['Brand Name', 'brand_name'],
	['Unit Name', 'unit_name'],
	['Auxiliary Unit Name', 'aux_unit_name'],
	['Flag Name', 'flag_name'],
	['Short Name', 'short_name'],
	['Alias', 'alias'],
	['Origin', 'origin'],
	['Goods Remark', 'remark'],
	...[1, 2, 3, 4, 5, 6].map((n): [string, string] => [`Goods Property ${n}`, `prop${n}`]),
];
/** SKU fields offered in the node; the name is WDT's in camel case (specName → spec_name). */
const SPEC_FIELDS: Array<[string, string, 'string' | 'number']> = [
	['Spec Name', 'specName', 'string'],
	['Spec Code', 'specCode', 'string'],
	['Barcode', 'barcode', 'string'],
	['Retail Price', 'retailPrice', 'number'],
	['Wholesale Price', 'wholesalePrice', 'number'],
	['Member Price', 'memberPrice', 'number'],
	['Market Price', 'marketPrice', 'number'],
	['Lowest Price', 'lowestPrice', 'number'],
	['Weight', 'weight', 'number'],
	['Image URL', 'imgUrl', 'string'],
	['SKU Remark', 'remark', 'string'],
];
const wdtName = (camelCase: string) => Object.keys(snakeCaseKeys({ [camelCase]: '' }))[0];
const LABELS: Record<string, string> = {
	goods_no: 'Goods Number',
	goods_name: 'Goods Name',
	goods_type: 'Goods Type',
	auto_create_bc: 'Create Missing Brand and Category',
	spec_no: 'SKU Code',
	...Object.fromEntries(GOODS_TEXT_FIELDS.map(([label, name]) => [name, label])),
	...Object.fromEntries(SPEC_FIELDS.map(([label, name]) => [wdtName(name), label])),
};

/** Its entry in the Product resource's Operation field. */
export const option = {
	name: 'Create or Update',
	value: 'createOrUpdate',
	action: 'Create or update products',
	description:
		'Push goods with their SKUs; existing goods and SKU numbers are updated (goods.Goods.batchPush)',
};

export const description: INodeProperties[] = [
	{
		displayName:
			"WDT matches goods by Goods Number and SKUs by SKU Code: existing ones are updated, not duplicated. Try the workflow with the credential's Test environment before Production.",
		name: 'createOrUpdateNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	linesSourceField(
		show,
		{ one: 'goods', many: 'goods', groupedBy: 'Goods Number', line: 'SKU' },
		'define',
	),
	{
		displayName: 'Goods Number',
		name: 'goodsNo',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: defined },
		description:
			'The goods (SPU) number, at most 40 characters. An existing number updates that goods. WDT field: goods_no.',
	},
	{
		displayName: 'Goods Name',
		name: 'goodsName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: defined },
		description: 'At most 255 characters. WDT field: goods_name.',
	},
	entriesField(
		show,
		{
			displayName: 'SKUs',
			name: 'specs',
			placeholder: 'Add SKU',
			description: `The goods' SKUs, at most ${MAX_SPECS_PER_GOODS}. SKUs of the goods that are not listed stay as they are.`,
		},
		{ displayName: 'SKU', name: 'spec' },
		[
			{
				displayName: 'SKU Code',
				name: 'specNo',
				type: 'string',
				default: '',
				required: true,
				description:
					'The merchant code of the SKU, at most 40 characters. An existing code updates that SKU. WDT field: spec_no.',
			},
			...SPEC_FIELDS.map(
				([displayName, name, type]): INodeProperties => ({
					displayName,
					name,
					// Text, so that an empty field is not sent: an update keeps WDT's value.
					type: 'string',
					default: '',
					...(type === 'number' ? { placeholder: 'e.g. 99.5' } : {}),
					description: ',WDT field: ,',
				}),
			),
		],
	),
	...columnFields(show, [
		[
			'Goods Number Column',
			'goodsNoColumn',
			'goods_no',
			true,
			'the goods number (WDT field goods_no); rows with the same goods number become one goods',
		],
		['SKU Code Column', 'specNoColumn', 'spec_no', true, 'the SKU code (WDT field spec_no)'],
	]),
	{
		displayName:
			'Other columns named as WDT fields are sent too: goods_name and other goods fields (read from the first row of each goods), and SKU fields such as spec_name, barcode and retail_price. Columns with other names are listed in ignored_columns.',
		name: 'columnsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: fromItems },
	},
	{
		displayName: 'Goods Fields',
		name: 'goodsFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: { show },
		description: 'Goods (SPU) fields; with input rows, read from the first row of each goods',
		options: (<INodeProperties[]>[
			{
				displayName: 'Create Missing Brand and Category',
				name: 'auto_create_bc',
				type: 'boolean',
				default: false,
				description:
					'Whether WDT creates a brand or category that does not exist yet. WDT field: auto_create_bc.',
			},
			{
				displayName: 'Goods Type',
				name: 'goods_type',
				type: 'options',
				default: 1,
				options: GOODS_TYPES.map(([name, value]) => ({ name, value })),
				description: 'WDT field: goods_type',
			},
			...GOODS_TEXT_FIELDS.map(
				([displayName, name]): INodeProperties => ({
					displayName,
					name,
					type: 'string',
					default: '',
					description: 'WDT field: ,',
				}),
			),
		]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

interface PlannedGoods {
	itemIndices: number[];
	goods: IDataObject & { goods_no: string };
	specs: IDataObject[];
	ignoredColumns: string[];
}

const goodsTree = () => {
	const fields = documentedFields(BATCH_PUSH, ['goodsInfo']);
	fields.delete('spec_list');
	return fields;
};
const specTree = () => documentedFields(BATCH_PUSH, ['goodsInfo', 'spec_list']);

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
		goodsTree(),
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
			`has ${count} SKUs; WDT takes at most ${MAX_SPECS_PER_GOODS} SKUs per goods in one call (goods.Goods.batchPush). Split the goods' SKUs over several runs.`,
		);
}

function planFromFields(ctx: IExecuteFunctions, itemIndex: number): PlannedGoods {
	const goods = readGoods(ctx, itemIndex, {
		goods_no: ctx.getNodeParameter('goodsNo', itemIndex, '') as string,
		goods_name: ctx.getNodeParameter('goodsName', itemIndex, '') as string,
	});
	const entries = ((ctx.getNodeParameter('specs', itemIndex, {}) as IDataObject).spec ??
		[]) as IDataObject[];
	checkSpecCount(ctx, itemIndex, entries.length);
	const specs = entries.map((entry, at) =>
		checkedFields(
			ctx,
			itemIndex,
			`SKUs → SKU ${at + 1} → `,
			specTree(),
			snakeCaseKeys(entry),
			['spec_no'],
			LABELS,
		),
	);
	return { itemIndices: [itemIndex], goods, specs, ignoredColumns: [] };
}

function planFromInputItems(ctx: IExecuteFunctions, items: INodeExecutionData[]): PlannedGoods[] {
	const goodsColumn = text(ctx.getNodeParameter('goodsNoColumn', 0, 'goods_no'));
	const goodsFields = goodsTree();
	const specFields = specTree();
	return groupItemsBy(ctx, items, goodsColumn, 'Goods Number Column').map((itemIndices) => {
		checkSpecCount(ctx, itemIndices[0], itemIndices.length);
		const ignored = new Set<string>();
		const goodsValues: IDataObject = {};
		const specs = itemIndices.map((i) => {
			const specColumn = text(ctx.getNodeParameter('specNoColumn', i, 'spec_no'));
			const spec: IDataObject = {
				spec_no: columnValue(ctx, items, i, specColumn, 'SKU Code Column') as string,
			};
			for (const [column, value] of Object.entries(items[i].json)) {
				if (column === specColumn || column === goodsColumn) continue;
				if (specFields.has(column)) spec[column] = value as string;
				else if (goodsFields.has(column)) {
					// Every row of a goods carries its goods fields; they must agree.
					if (i !== itemIndices[0] && text(goodsValues[column]) !== text(value))
						throw invalidInput(
							ctx,
							i,
							`column "${column}"`,
							`is "${text(value)}" here but "${text(goodsValues[column])}" in item ${itemIndices[0] + 1} of the same goods.`,
						);
					goodsValues[column] = value as string;
				} else ignored.add(column);
			}
			return checkedFields(ctx, i, '', specFields, spec, ['spec_no'], LABELS);
		});
		const goods = readGoods(ctx, itemIndices[0], {
			...goodsValues,
			goods_no: text(items[itemIndices[0]].json[goodsColumn]),
		});
		return { itemIndices, goods, specs, ignoredColumns: [...ignored] };
	});
}

/** A SKU code belongs to one goods, and a goods is sent once per run. */
function checkUnique(ctx: IExecuteFunctions, plans: PlannedGoods[]): void {
	const goodsAt = new Map<string, number>();
	const specAt = new Map<string, number>();
	for (const plan of plans) {
		const item = plan.itemIndices[0];
		const earlier = goodsAt.get(orderNumberKey(plan.goods.goods_no));
		if (earlier !== undefined)
			throw invalidInput(
				ctx,
				item,
				'Goods Number (goods_no)',
				`"${plan.goods.goods_no}" is also used by item ${earlier + 1}; send each goods once, with all its SKUs.`,
			);
		goodsAt.set(orderNumberKey(plan.goods.goods_no), item);
		plan.specs.forEach((spec, at) => {
			const specItem = plan.itemIndices[at] ?? item;
			const key = orderNumberKey(String(spec.spec_no));
			const first = specAt.get(key);
			if (first !== undefined)
				throw invalidInput(
					ctx,
					specItem,
					'SKU Code (spec_no)',
					`"${String(spec.spec_no)}" is also used by item ${first + 1}; a SKU code belongs to one SKU of one goods.`,
				);
			specAt.set(key, specItem);
		});
	}
}

const operation: BatchOperation = {
	method: BATCH_PUSH,
	entity: { one: 'goods', many: 'goods' },
	action: 'create or update',
	done: 'created or updated',
	mappedField: 'goods_no',
	statusRule: 'WDT creates a goods number it does not have and updates one it has',
	outcomes: (sent, response) => goodsBatchPushOutcomes(sent, response.data),
};

/**
 * goods.Goods.batchPush in calls of at most 50 goods. Every goods is validated against that
 * page before the first call. A batch is never re-sent: a lost reply leaves its goods unknown and
 * the node stops sending; WDT's per-goods failures are per-item results.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const invalid = new Map<number, ReturnType<typeof toNodeError>>();
	let plans: PlannedGoods[] = [];
	if (this.getNodeParameter('linesSource', 0, 'define') === 'inputItems') {
		plans = planFromInputItems(this, items);
	} else {
		for (const entry of planEachItem(this, (i) => planFromFields(this, i))) {
			if ('plan' in entry) plans.push(entry.plan);
			else invalid.set(entry.itemIndices[0], entry.error);
		}
	}
	checkUnique(this, plans);

	const batches: WriteBatch[] = chunk(plans, MAX_GOODS_PER_CALL).map((batch) => ({
		keys: batch.map((plan) => plan.goods.goods_no),
		args: [batch.map((plan) => ({ ...plan.goods, spec_list: plan.specs }))],
	}));
	const outcomes = await sendWriteBatches(this, operation, batches, operation.outcomes);

	const byFirstItem = new Map(plans.map((plan) => [plan.itemIndices[0], plan]));
	const entries: BatchEntry[] = [];
	for (let i = 0; i < items.length; i++) {
		const error = invalid.get(i);
		if (error) entries.push({ itemIndices: [i], invalid: error });
		const plan = byFirstItem.get(i);
		if (!plan) continue;
		const outcome = outcomes.get(orderNumberKey(plan.goods.goods_no)) as OrderOutcome;
		const json: IDataObject = {
			goods_no: outcome.order_no,
			method: BATCH_PUSH,
			spec_nos: plan.specs.map((spec) => spec.spec_no as string),
			on_re_run: ON_RE_RUN,
		};
		if (plan.ignoredColumns.length) json.ignored_columns = plan.ignoredColumns;
		entries.push({ itemIndices: plan.itemIndices, outcome, json });
	}
	return batchOutput(this, operation, entries, [...outcomes.values()]);
}
