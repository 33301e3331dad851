import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { WdtRecord } from './types';

/**
 * Goods (货品档案) of goods.Goods.queryWithSpec; its lines are the specs (SKUs). The goods fields
 * get `spu_`, not `goods_`, on a line: goods records already hold goods_modified and
 * goods_created beside modified and created, which `goods_` would merge.
 */
export const GOODS: WdtRecord = {
	name: 'Product',
	description: 'Goods (SPU) with their specs (SKU)',
	noun: 'goods',
	method: 'goods.Goods.queryWithSpec',
	idField: 'goods_id',
	numberFields: ['goods_no', 'spec_no'],
	modifiedField: 'modified',
	lines: { list: 'spec_list', prefix: 'spu_', itemName: 'Goods' },
	statusLabels: {},
};

/** Include Deleted, of Goods → Get Many and Get and of the goods trigger event. */
export const includeDeletedFilter: INodeProperties = {
	displayName: 'Include Deleted',
	name: 'includeDeleted',
	type: 'boolean',
	default: false,
	description: 'Whether to return deleted goods and specs too. WDT field: hide_deleted.',
};

/** hide_deleted: WDT's default is not stated on the page, so it is always sent. */
export function deletedParam(filters: IDataObject): IDataObject {
	return { hide_deleted: filters.includeDeleted !== true };
}
