import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { lookupQuery, readOperation, type RecordQuery } from '../read';
import {
	filtersField,
	operationFields,
	outputModeField,
	readFilters,
	readRequiredText,
} from '../shared.fields';
import { deletedParam, GOODS_READ, includeDeletedFilter, OUTPUT } from './getMany.operation';

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
	filtersField([includeDeletedFilter]),
	outputModeField(OUTPUT),
];

/** Its entry in the Product resource's Operation field. */
export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a product',
	description: 'Get goods with their specs by goods number or SKU code (goods.Goods.queryWithSpec)',
};

export const description = operationFields('goods', 'get', properties);

function readQuery(ctx: IExecuteFunctions, itemIndex: number): RecordQuery {
	const findBy = ctx.getNodeParameter('findBy', itemIndex, 'goodsNo') as string;
	const field = findBy === 'specNo' ? 'spec_no' : 'goods_no';
	const number = readRequiredText(ctx, itemIndex, 'number', `Number (${field})`, 40);
	const filters = readFilters(ctx, itemIndex);
	return lookupQuery(ctx, itemIndex, { [field]: number, ...deletedParam(filters) });
}

/** goods.Goods.queryWithSpec by goods_no or spec_no, without a time range (the page allows it). */
export const execute = readOperation(GOODS_READ, readQuery);
