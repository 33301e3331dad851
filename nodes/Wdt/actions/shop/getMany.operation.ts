import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { invalidInput, runPerItem } from '../common';
import { readLocatorCode, shopLocator } from '../locators';
import { shapeRecord } from '../output';
import { readLimit, returnAllLimitFields } from '../shared.fields';

export const SHOP_METHOD = 'setting.Shop.queryShop';

const properties: INodeProperties[] = [
	shopLocator({
		description: 'Optional: return only this shop. Empty: every shop the API key may see.',
	}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Platform ID',
				name: 'platformId',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description:
					"WDT's number of the sales platform (e.g. 1 Taobao, 3 JD), from WDT's platform code table. WDT field: platform_id.",
			},
		],
	},
	...returnAllLimitFields(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['shop'], operation: ['getMany'] } },
	properties,
);

interface ShopQuery {
	params: IDataObject;
	limit: number;
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number): ShopQuery {
	const params: IDataObject = {};
	const shopNo = readLocatorCode(ctx, itemIndex, 'shopNo');
	if ([...shopNo].length > 20)
		throw invalidInput(ctx, itemIndex, 'Shop (shop_no)', 'is longer than 20 characters.');
	if (shopNo) params.shop_no = shopNo;
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
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
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		(i) => readQuery(this, i),
		async (query) => {
			const { records } = await searchWindows.call(this, {
				method: SHOP_METHOD,
				args: () => [query.params],
				...catalogPaging(SHOP_METHOD),
				recordKey: (record) => String((record as IDataObject).shop_no),
				limit: query.limit,
			});
			return (records as IDataObject[]).map((shop) => shapeRecord(SHOP_METHOD, shop, {}));
		},
	);
}
