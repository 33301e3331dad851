import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { runPerItem } from '../common';
import { readLocatorCode, shopLocator } from '../locators';
import { shapeRecord } from '../output';
import { readLimit, readTextFilter, returnAllLimitFields } from '../shared.fields';

export const PENDING_METHOD = 'sales.LogisticsSync.getSyncListExt';

const properties: INodeProperties[] = [
	shopLocator({
		description:
			'Optional: only this self-owned shop (at most 20 characters). Empty: every self-owned shop the API key may see.',
	}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Platform Order Number',
				name: 'tid',
				type: 'string',
				default: '',
				description: 'Only this order of your shop, at most 40 characters. WDT field: tid.',
			},
			{
				displayName: 'Tracking Number',
				name: 'logisticsNo',
				type: 'string',
				default: '',
				description: 'Only this tracking number, at most 40 characters. WDT field: logistics_no.',
			},
			{
				displayName: 'Split Shipment',
				name: 'isPartSync',
				type: 'options',
				default: '',
				options: [
					{ name: 'Any', value: '' },
					{ name: 'Only Split Shipments', value: '1' },
					{ name: 'Only Whole Orders', value: '0' },
				],
				description:
					'Split shipments carry the sub-orders (oids) their tracking number is for. WDT field: is_part_sync.',
			},
		],
	},
	...returnAllLimitFields(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['logisticsSync'], operation: ['getPending'] } },
	properties,
);

interface PendingQuery {
	params: IDataObject;
	limit: number;
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number): PendingQuery {
	// The page: "是否自有平台（自有平台调用传true）"; this operation serves self-owned shops only.
	const params: IDataObject = { is_own_platform: true };
	const shopNo = readTextFilter(
		ctx,
		itemIndex,
		readLocatorCode(ctx, itemIndex, 'shopNo'),
		'Shop (shop_no)',
		20,
	);
	if (shopNo) params.shop_no = shopNo;
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const tid = readTextFilter(
		ctx,
		itemIndex,
		filters.tid,
		'Filters → Platform Order Number (tid)',
		40,
	);
	if (tid) params.tid = tid;
	const logisticsNo = readTextFilter(
		ctx,
		itemIndex,
		filters.logisticsNo,
		'Filters → Tracking Number (logistics_no)',
		40,
	);
	if (logisticsNo) params.logistics_no = logisticsNo;
	if (filters.isPartSync === '0' || filters.isPartSync === '1')
		params.is_part_sync = Number(filters.isPartSync);
	return { params, limit: readLimit(ctx, itemIndex) };
}

/**
 * Splits `oids` into `oid_list`: the sub-orders a split shipment's tracking number is for (the
 * page: filled only for split shipments and partly refunded orders; empty: the whole order).
 */
function withOidList(record: IDataObject): IDataObject {
	const oids = typeof record.oids === 'string' ? record.oids : '';
	return {
		...record,
		oid_list: oids
			.split(',')
			.map((oid) => oid.trim())
			.filter((oid) => oid !== ''),
	};
}

/** sales.LogisticsSync.getSyncListExt: the tracking numbers waiting to be synced to self-owned shops. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		(i) => readQuery(this, i),
		async (query) => {
			const { records } = await searchWindows.call(this, {
				method: PENDING_METHOD,
				args: () => [query.params],
				...catalogPaging(PENDING_METHOD),
				recordKey: (record) => String((record as IDataObject).sync_id),
				limit: query.limit,
			});
			return (records as IDataObject[]).map((record) =>
				withOidList(shapeRecord(PENDING_METHOD, record, {})),
			);
		},
	);
}
