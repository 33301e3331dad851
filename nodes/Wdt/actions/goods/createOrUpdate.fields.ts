/**
 * Product → Create or Update (goods.Goods.batchPush): the goods and SKU fields the node offers,
 * with English names and descriptions (types, lengths and required marks come from the catalog
 * through fieldTable), and the node's parameters built from them.
 */
import type { INodeProperties } from 'n8n-workflow';

import {
	columnFields,
	entriesField,
	fieldTable,
	linesSourceField,
	type WriteField,
} from '../write';

/**
 * Every goods goes to goods.Goods.batchPush, also a single one: the fields offered and checked
 * are that page's, so a workflow behaves the same with one row or many. (goods.Goods.push, for
 * one goods, documents other fields: no pinyin, goods types 9 and 10, validity_type.)
 */
export const BATCH_PUSH = 'goods.Goods.batchPush';
/** goods.Goods.batchPush: "spu维度一次不超过50条，一个goodsInfo下sku维度一次不超过500条". */
export const MAX_GOODS_PER_CALL = 50;
export const MAX_SPECS_PER_GOODS = 500;

const field = (wdt: string, displayName: string, description: string, more = {}): WriteField => ({
	wdt,
	displayName,
	description,
	...more,
});
const prop = (n: number, of: string) =>
	field(`prop${n}`, `${of} Property ${n}`, `Custom property ${n}`);
const price = (wdt: string, displayName: string) =>
	field(wdt, displayName, `The ${displayName.toLowerCase()}`);

/** The goods (SPU) fields: number and name, then those of the Goods Fields collection. */
export const GOODS = fieldTable(
	BATCH_PUSH,
	['goodsInfo'],
	[
		field(
			'goods_no',
			'Goods Number',
			'The goods (SPU) number. An existing number updates that goods',
		),
		field('goods_name', 'Goods Name', 'The goods name'),
		field(
			'auto_create_bc',
			'Create Missing Brand and Category',
			'Whether WDT creates a brand or category that does not exist yet',
		),
		field('goods_type', 'Goods Type', 'What the goods are', {
			codes: [
				[0, 'Other'],
				[1, 'Sales Goods'],
				[2, 'Raw Material'],
				[3, 'Packaging'],
				[4, 'Turnover Material'],
				[5, 'Virtual Goods'],
				[6, 'Fixed Asset'],
				[8, 'Sub-Packing Box'],
			],
		}),
		field('class_name', 'Category Name', 'The category'),
		field('brand_name', 'Brand Name', 'The brand'),
		field('unit_name', 'Unit Name', 'The base unit'),
		field('aux_unit_name', 'Auxiliary Unit Name', 'The auxiliary unit'),
		field('flag_name', 'Flag Name', 'The name of a flag defined in WDT'),
		field('short_name', 'Short Name', 'A short name'),
		field('alias', 'Alias', 'Another name'),
		field('origin', 'Origin', 'Where the goods come from'),
		field('remark', 'Goods Remark', 'A note on the goods'),
		...[1, 2, 3, 4, 5, 6].map((n) => prop(n, 'Goods')),
	],
);

/** The SKU fields offered in the node (rows may carry any documented SKU field). */
export const SPEC = fieldTable(
	BATCH_PUSH,
	['goodsInfo', 'spec_list'],
	[
		field('spec_no', 'SKU Code', 'The merchant code of the SKU. An existing code updates that SKU'),
		field('spec_name', 'Spec Name', 'The name of the SKU'),
		field('spec_code', 'Spec Code', 'The spec code'),
		field('barcode', 'Barcode', 'The barcode'),
		price('retail_price', 'Retail Price'),
		price('wholesale_price', 'Wholesale Price'),
		price('member_price', 'Member Price'),
		price('market_price', 'Market Price'),
		price('lowest_price', 'Lowest Price'),
		field('weight', 'Weight', 'The weight'),
		field('img_url', 'Image URL', 'A link to its image'),
		field('remark', 'SKU Remark', 'A note on the SKU'),
	],
);

/** The names the node shows for WDT's fields, for messages. */
export const LABELS: Record<string, string> = Object.fromEntries(
	[...SPEC.fields, ...GOODS.fields].map((one) => [one.wdt, one.displayName]),
);

/** specName → spec_name is snakeCaseKeys; this is the way back, for the SKU entries' names. */
const camelCase = (wdt: string) =>
	wdt.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

const show = { resource: ['goods'], operation: ['createOrUpdate'] };
const defined = { ...show, linesSource: ['define'] };
const fromItems = { ...show, linesSource: ['inputItems'] };
const byName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);
const [goodsNo, goodsName, autoCreate, goodsType, ...goodsText] = GOODS.fields;

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
	...[
		{ ...GOODS.property(goodsNo, 'goodsNo', false), required: true },
		{ ...GOODS.property(goodsName, 'goodsName', false), required: true },
	].map((property) => ({ ...property, displayOptions: { show: defined } })),
	entriesField(
		show,
		{
			displayName: 'SKUs',
			name: 'specs',
			placeholder: 'Add SKU',
			description: `The goods' SKUs, at most ${MAX_SPECS_PER_GOODS}. SKUs of the goods that are not listed stay as they are.`,
		},
		{ displayName: 'SKU', name: 'spec' },
		SPEC.fields.map((one, at) => {
			// Text, so that an empty field is not sent: an update keeps WDT's value.
			const property = SPEC.property(one, camelCase(one.wdt), false);
			if (at === 0) property.required = true;
			if (/^decimal/i.test(SPEC.documented.get(one.wdt)?.type ?? ''))
				property.placeholder = 'e.g. 99.5';
			return property;
		}),
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
		options: [
			<INodeProperties>{
				...GOODS.property(autoCreate, autoCreate.wdt, false),
				type: 'boolean',
				default: false,
			},
			{ ...GOODS.property(goodsType, goodsType.wdt, false), default: 1 },
			...goodsText.map((one) => GOODS.property(one, one.wdt, false)),
		].sort(byName),
	},
];
