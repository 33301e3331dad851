import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../parameters';
import { locatorFilter, readFilterParams, type FilterRead } from '../filterReaders';
import { SHOP_FILTER, shopLocator } from '../locators';
import { SHOP } from '../../../shared/records';
import { getManyOption, readOperation, type ReadQuery } from '../readOperation';
import { filtersField, operationFields, readLimit, returnAllLimitFields } from '../shared.fields';

const properties: INodeProperties[] = [
	shopLocator({
		description: 'Optional: return only this shop. Empty: every shop the API key may see.',
	}),
	filtersField([
		{
			displayName: 'Platform ID',
			name: 'platformId',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description:
				"WDT's number of the sales platform (e.g. 1 Taobao, 3 JD), from WDT's platform code table. WDT field: platform_id.",
		},
	]),
	...returnAllLimitFields(),
];

/** Its entry in the Shop resource's Operation field. */
export const option = getManyOption(
	'Get many shops',
	"List the ERP's shops (setting.Shop.queryShop)",
);

export const description = operationFields('shop', 'getMany', properties);

const FILTERS: FilterRead[] = [
	locatorFilter(SHOP_FILTER),
	{
		wdtField: 'platform_id',
		read: (ctx, itemIndex, filters) => {
			if (filters.platformId === undefined || filters.platformId === '') return undefined;
			const platformId = Number(filters.platformId);
			if (!Number.isInteger(platformId) || platformId < 0)
				throw invalidInput(
					ctx,
					itemIndex,
					'Filters → Platform ID (platform_id)',
					'must be a whole number of 0 or more.',
				);
			return platformId;
		},
	},
];

function readQuery(ctx: IExecuteFunctions, itemIndex: number): ReadQuery {
	return { params: readFilterParams(ctx, itemIndex, FILTERS), limit: readLimit(ctx, itemIndex) };
}

/** setting.Shop.queryShop: the ERP's shops, every page (no time range: the page reads all). */
export const execute = readOperation(SHOP, readQuery);
