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
import { readStockouts, STOCKOUT_OUTPUT, STOCKOUT_PRIVACY_NOTICE } from './getMany.operation';

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

export const description = updateDisplayOptions(
	{ show: { resource: ['salesStockout'], operation: ['get'] } },
	properties,
);

/** The stockout(s) of one number, without a time range; no status filter (the number names them). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		(i) => {
			const value = String(this.getNodeParameter('lookUpBy', i, 'stockoutNo'));
			const by: keyof typeof BY = value in BY ? (value as keyof typeof BY) : 'stockoutNo';
			const label = `${BY[by].label} (number)`;
			const number = readTextFilter(
				this,
				i,
				this.getNodeParameter('number', i, ''),
				label,
				BY[by].maxLength,
			);
			if (number === undefined)
				throw new NodeOperationError(this.getNode(), `Item ${i + 1}: ${label} is empty.`, {
					itemIndex: i,
				});
			return {
				by,
				number,
				query: {
					params: { [BY[by].wdtField]: number },
					limit: Infinity,
					asLines: readOutputAsLines(this, i),
					parallel: readParallelRequests(this, i),
				},
			};
		},
		async ({ by, number, query }, i) => {
			const stockouts = await readStockouts(this, query);
			if (stockouts.length === 0)
				throw new NodeOperationError(
					this.getNode(),
					`No sales stockout with ${BY[by].label.toLowerCase()} ${number} was found`,
					{
						itemIndex: i,
						description:
							'WDT does not return stockouts of Taobao/Tmall, Pinduoduo and system-distribution orders through its API.',
					},
				);
			return stockouts;
		},
	);
}
