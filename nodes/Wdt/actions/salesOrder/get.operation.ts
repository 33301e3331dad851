import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../common';
import {
	noticeField,
	outputModeField,
	readOptionsField,
	readOutputAsLines,
	readParallelRequests,
	readTextFilter,
} from '../shared.fields';
import {
	OUTPUT,
	PRIVACY_NOTICE,
	readFromOption,
	readMethod,
	readOrders,
} from './getMany.operation';

const BY = {
	tradeNo: { label: 'Trade Number', wdtField: 'trade_no' },
	srcTid: { label: 'Platform Order Number', wdtField: 'src_tid' },
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
					"The shop platform's order number (src_tid); one platform order may be split into several WDT orders, each returned",
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

export const description = updateDisplayOptions(
	{ show: { resource: ['salesOrder'], operation: ['get'] } },
	properties,
);

/** One order (or the orders of one platform order) by number, without a time range. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		(i) => {
			const by: keyof typeof BY =
				this.getNodeParameter('lookUpBy', i, 'tradeNo') === 'srcTid' ? 'srcTid' : 'tradeNo';
			const label = `${BY[by].label} (number)`;
			const number = readTextFilter(this, i, this.getNodeParameter('number', i, ''), label, 40);
			if (number === undefined)
				throw new NodeOperationError(this.getNode(), `Item ${i + 1}: ${label} is empty.`, {
					itemIndex: i,
				});
			return {
				by,
				number,
				query: {
					method: readMethod(this, i),
					params: { [BY[by].wdtField]: number },
					limit: Infinity,
					asLines: readOutputAsLines(this, i),
					parallel: readParallelRequests(this, i),
				},
			};
		},
		async ({ by, number, query }, i) => {
			const orders = await readOrders(this, query);
			if (orders.length === 0)
				throw new NodeOperationError(
					this.getNode(),
					`No sales order with ${BY[by].label.toLowerCase()} ${number} was found`,
					{
						itemIndex: i,
						description:
							'WDT does not return Taobao/Tmall, Pinduoduo and system-distribution orders through its API; an order moved to the history is found with Options → Read From → Order History.',
					},
				);
			return orders;
		},
	);
}
