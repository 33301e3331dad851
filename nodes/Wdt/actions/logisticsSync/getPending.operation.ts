import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLocatorCode, shopLocator } from '../locators';
import { recordShaper } from '../output';
import { readOperation, type RecordQuery, type RecordRead } from '../read';
import { readLimit, readTextFilter, returnAllLimitFields } from '../shared.fields';

export const PENDING_METHOD = 'sales.LogisticsSync.getSyncListExt';

const properties: INodeProperties[] = [
	shopLocator({
		description:
			'Optional: only this self-owned shop (at most 20 characters). Empty: every self-owned shop the API key may see.',
	}),
	{
		displayName: 'Platform Order Number',
		name: 'tid',
		type: 'string',
		default: '',
		description: 'Optional: only this order of your shop, at most 40 characters. WDT field: tid.',
	},
	{
		displayName: 'Tracking Number',
		name: 'logisticsNo',
		type: 'string',
		default: '',
		description:
			'Optional: only this tracking number, at most 40 characters. WDT field: logistics_no.',
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
	...returnAllLimitFields(),
];

/** Its entry in the Logistics Sync resource's Operation field. */
export const option = {
	name: 'Get Pending',
	value: 'getPending',
	action: 'Get pending tracking numbers',
	description:
		'List tracking numbers waiting to be synced to self-owned shops (sales.LogisticsSync.getSyncListExt)',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['logisticsSync'], operation: ['getPending'] } },
	properties,
);

/** Text filters: parameter, label, WDT field, the page's length. */
const TEXT_FILTERS: Array<[string, string, string, number]> = [
	['shopNo', 'Shop', 'shop_no', 20],
	['tid', 'Platform Order Number', 'tid', 40],
	['logisticsNo', 'Tracking Number', 'logistics_no', 40],
];

function readQuery(ctx: IExecuteFunctions, itemIndex: number): RecordQuery {
	// The page: "是否自有平台（自有平台调用传true）"; this operation serves self-owned shops only.
	const params: IDataObject = { is_own_platform: true };
	for (const [name, label, field, length] of TEXT_FILTERS) {
		const value =
			name === 'shopNo'
				? readLocatorCode(ctx, itemIndex, name)
				: ctx.getNodeParameter(name, itemIndex, '');
		const text = readTextFilter(ctx, itemIndex, value, `${label} (${field})`, length);
		if (text) params[field] = text;
	}
	const isPartSync = ctx.getNodeParameter('isPartSync', itemIndex, '');
	if (isPartSync === '0' || isPartSync === '1') params.is_part_sync = Number(isPartSync);
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

const shapePending = recordShaper(PENDING_METHOD, {});

/** Every page (no time range), each record once by sync_id, with its oid_list. */
const PENDING_READ: RecordRead = {
	method: PENDING_METHOD,
	idField: 'sync_id',
	shape: (record) => withOidList(shapePending(record)),
};

/** sales.LogisticsSync.getSyncListExt: the tracking numbers waiting to be synced to self-owned shops. */
export const execute = readOperation(PENDING_READ, readQuery);
