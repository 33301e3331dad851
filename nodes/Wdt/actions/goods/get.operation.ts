import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalidInput, runPerItem } from '../common';
import { outputModeField, readOutputAsLines, readTextFilter } from '../shared.fields';
import {
	deletedParam,
	includeDeletedFilter,
	OUTPUT,
	readGoods,
	type GoodsQuery,
} from './getMany.operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		default: 'goodsNo',
		options: [
			{
				name: 'Goods Number',
				value: 'goodsNo',
				description: 'The goods (SPU) number; returns the goods with all its specs',
			},
			{
				name: 'SKU Code',
				value: 'specNo',
				description: 'The merchant code of one spec (SKU); returns the goods it belongs to',
			},
		],
	},
	{
		displayName: 'Number',
		name: 'number',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TS-001',
		description:
			'At most 40 characters. WDT field: goods_no or spec_no, as Find By says. Nothing found: no item.',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [includeDeletedFilter],
	},
	outputModeField(OUTPUT),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['goods'], operation: ['get'] } },
	properties,
);

function readQuery(ctx: IExecuteFunctions, itemIndex: number): GoodsQuery {
	const findBy = ctx.getNodeParameter('findBy', itemIndex, 'goodsNo') as string;
	const field = findBy === 'specNo' ? 'spec_no' : 'goods_no';
	const label = `Number (${field})`;
	const number = readTextFilter(
		ctx,
		itemIndex,
		ctx.getNodeParameter('number', itemIndex, ''),
		label,
		40,
	);
	if (number === undefined) throw invalidInput(ctx, itemIndex, label, 'is empty.');
	const filters = (ctx.getNodeParameter('filters', itemIndex, {}) ?? {}) as IDataObject;
	return {
		params: { [field]: number, ...deletedParam(filters) },
		limit: Infinity,
		asLines: readOutputAsLines(ctx, itemIndex),
		parallel: 1,
	};
}

/** goods.Goods.queryWithSpec by goods_no or spec_no, without a time range (the page allows it). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		(i) => readQuery(this, i),
		async (query) => await readGoods(this, query),
	);
}
