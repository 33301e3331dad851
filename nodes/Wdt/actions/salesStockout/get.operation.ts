import type { INodeProperties } from 'n8n-workflow';

import { everyStockoutStatus } from '../../../shared/transport/stockoutDetails';
import { lookupQuery, lookupOperation } from '../read';
import {
	noticeField,
	operationFields,
	outputModeField,
	readOptionsField,
	readRequiredText,
} from '../shared.fields';
import { STOCKOUT_OUTPUT, STOCKOUT_PRIVACY_NOTICE, STOCKOUT_READ } from './getMany.operation';

/** The page's three numbers that need no time range, with their lengths. */
const BY = {
	stockoutNo: { label: 'Stockout Number', wdtField: 'stockout_no', maxLength: 20 },
	orderNo: { label: 'Order Number', wdtField: 'src_order_no', maxLength: 40 },
	logisticsNo: { label: 'Logistics Number', wdtField: 'logistics_no', maxLength: 40 },
} as const;

const properties: INodeProperties[] = [
	noticeField('salesStockoutGetPrivacyNotice', STOCKOUT_PRIVACY_NOTICE),
	{
		displayName: 'Look Up By',
		name: 'lookUpBy',
		type: 'options',
		default: 'stockoutNo',
		options: [
			{
				name: 'Stockout Number',
				value: 'stockoutNo',
				description: 'The stockout number (stockout_no)',
			},
			{
				name: 'Order Number',
				value: 'orderNo',
				description: "WDT's sales order number, trade_no (src_order_no)",
			},
			{
				name: 'Logistics Number',
				value: 'logisticsNo',
				description: 'The tracking number (logistics_no)',
			},
		],
	},
	{
		displayName: 'Number',
		name: 'number',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. CK202401010001 or {{ $json.stockout_no }}',
		description: 'The number to look up, at any time (no time range needed)',
	},
	outputModeField(STOCKOUT_OUTPUT),
	readOptionsField(),
];

/** Its entry in the Sales Stockout resource's Operation field. */
export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a sales stockout',
	description:
		'Get a stockout by stockout, order or logistics number (wms.stockout.Sales.queryWithDetail)',
};

export const description = operationFields('salesStockout', 'get', properties);

/**
 * The stockout(s) of one number, without a time range, in every status: without status_type WDT
 * may apply its default (cancelled only), so every status is asked for explicitly.
 */
export const execute = lookupOperation(
	STOCKOUT_READ,
	(ctx, i) => {
		const value = String(ctx.getNodeParameter('lookUpBy', i, 'stockoutNo'));
		const by: keyof typeof BY = value in BY ? (value as keyof typeof BY) : 'stockoutNo';
		const label = `${BY[by].label} (number)`;
		const number = readRequiredText(ctx, i, 'number', label, BY[by].maxLength);
		return {
			query: lookupQuery(ctx, i, { [BY[by].wdtField]: number, ...everyStockoutStatus() }),
			notFound: `No sales stockout with ${BY[by].label.toLowerCase()} ${number} was found`,
		};
	},
	'WDT does not return stockouts of Taobao/Tmall, Pinduoduo and system-distribution orders through its API.',
);
