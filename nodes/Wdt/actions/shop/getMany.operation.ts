import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput } from '../parameters';
import { readLocatorFilter, SHOP_FILTER, shopLocator } from '../locators';
import { readOperation, type RecordQuery, type RecordRead } from '../read';
import {
	filtersField,
	operationFields,
	readFilters,
	readLimit,
	returnAllLimitFields,
} from '../shared.fields';

export const SHOP_METHOD = 'setting.Shop.queryShop';

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
export const option = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many shops',
	description: "List the ERP's shops (setting.Shop.queryShop)",
};

export const description = operationFields('shop', 'getMany', properties);

/** Every page, each shop once by shop_no (no time range: the page reads all). */
const SHOP_READ: RecordRead = { method: SHOP_METHOD, idField: 'shop_no' };

function readQuery(ctx: IExecuteFunctions, itemIndex: number): RecordQuery {
	const params: IDataObject = {};
	const shopNo = readLocatorFilter(ctx, itemIndex, SHOP_FILTER);
	if (shopNo) params.shop_no = shopNo;
	const filters = readFilters(ctx, itemIndex);
	if (filters.platformId !== undefined && filters.platformId !== '') {
		const platformId = Number(filters.platformId);
		if (!Number.isInteger(platformId) || platformId < 0)
			throw invalidInput(
				ctx,
				itemIndex,
				'Filters → Platform ID (platform_id)',
				'must be a whole number of 0 or more.',
			);
		params.platform_id = platformId;
	}
	return { params, limit: readLimit(ctx, itemIndex) };
}

/** setting.Shop.queryShop: the ERP's shops, every page (no time range: the page reads all). */
export const execute = readOperation(SHOP_READ, readQuery);
