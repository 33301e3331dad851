import type { INodeProperties } from 'n8n-workflow';

import { lookupQuery, lookupOperation } from '../read';
import {
	noticeField,
	operationFields,
	outputModeField,
	readOptionsField,
	readRequiredText,
} from '../shared.fields';
import {
	ORDER_READ,
	OUTPUT,
	platformOrderQuery,
	PRIVACY_NOTICE,
	readFromOption,
	readMethod,
} from './getMany.operation';

const BY = {
	tradeNo: { label: 'Trade Number' },
	srcTid: { label: 'Platform Order Number' },
} as const;

const properties: INodeProperties[] = [
	noticeField('salesOrderGetPrivacyNotice', PRIVACY_NOTICE),
	{
		displayName: 'Look Up By',
		name: 'lookUpBy',
		type: 'options',
		default: 'tradeNo',
		options: [
			{
				name: 'Trade Number',
				value: 'tradeNo',
				description: "WDT's own order number (trade_no)",
			},
			{
				name: 'Platform Order Number',
				value: 'srcTid',
				description:
					"The shop platform's order number (src_tid, matched exactly); one platform order may be split into several WDT orders, each returned",
			},
		],
	},
	{
		displayName: 'Number',
		name: 'number',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. JY202401010001 or {{ $json.trade_no }}',
		description: 'The number to look up, at any time (no time range needed)',
	},
	outputModeField(OUTPUT),
	readOptionsField([readFromOption]),
];

/** Its entry in the Sales Order resource's Operation field. */
export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a sales order',
	description:
		'Get an order by trade number or platform order number (sales.TradeQuery.queryWithDetail)',
};

export const description = operationFields('salesOrder', 'get', properties);

/** One order (or the orders of one platform order) by number, without a time range. */
export const execute = lookupOperation(
	ORDER_READ,
	(ctx, i) => {
		const by: keyof typeof BY =
			ctx.getNodeParameter('lookUpBy', i, 'tradeNo') === 'srcTid' ? 'srcTid' : 'tradeNo';
		const number = readRequiredText(ctx, i, 'number', `${BY[by].label} (number)`, 40);
		const exact = by === 'srcTid' ? platformOrderQuery([number]) : undefined;
		const query = lookupQuery(ctx, i, exact?.params ?? { trade_no: number }, readMethod(ctx, i));
		return {
			query: exact ? { ...query, keep: exact.keep } : query,
			notFound: `No sales order with ${BY[by].label.toLowerCase()} ${number} was found`,
		};
	},
	'WDT does not return Taobao/Tmall, Pinduoduo and system-distribution orders through its API; an order moved to the history is found with Options → Read From → Order History.',
);
