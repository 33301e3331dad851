import type { INodeProperties } from 'n8n-workflow';

import { deletedParam, GOODS, includeDeletedFilter } from '../../../shared/records';
import { filteredQuery, textFilter, textFilterField } from '../filterReaders';
import { getManyOption, outputOf, readOperation, timeRangeOf } from '../readOperation';
import { filtersField, getManyFields, operationFields, timeRangeFields } from '../shared.fields';

/** The page: start_time and end_time at most 30 days apart, over goods or spec modified times. */
const TIME_RANGE = timeRangeOf(GOODS, 'goods or spec modification');

/** The text filters: parameter, label, WDT field. */
const TEXT_FILTERS = [
	['barcode', 'Barcode', 'barcode'],
	['brandName', 'Brand Name', 'brand_name'],
	['className', 'Category Name', 'class_name'],
] as const;

const properties: INodeProperties[] = [
	...timeRangeFields(TIME_RANGE),
	filtersField([
		...TEXT_FILTERS.map(([name, displayName, field]) =>
			textFilterField(GOODS, name, displayName, field),
		),
		includeDeletedFilter,
	]),
	...getManyFields({ output: outputOf(GOODS) }),
];

/** Its entry in the Product resource's Operation field. */
export const option = getManyOption(
	'Get many products',
	'List goods with their specs modified in a time range (goods.Goods.queryWithSpec)',
);

export const description = operationFields('goods', 'getMany', properties);

const readQuery = filteredQuery(TIME_RANGE, [
	...TEXT_FILTERS.map(([name, label, field]) =>
		textFilter(GOODS, name, `Filters → ${label}`, field),
	),
	{
		wdtField: 'hide_deleted',
		read: (_ctx, _itemIndex, filters) => deletedParam(filters).hide_deleted,
	},
]);

/** goods.Goods.queryWithSpec over any range (split into 30-day windows), items paired. */
export const execute = readOperation(GOODS, readQuery);
