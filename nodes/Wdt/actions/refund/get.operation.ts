import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalidInput, runPerItem } from '../common';
import { noticeField, outputModeField, readOutputAsLines, readTextFilter } from '../shared.fields';
import { OUTPUT, PRIVACY_NOTICE, readRefunds, type RefundQuery } from './getMany.operation';

const properties: INodeProperties[] = [
	noticeField('refundGetPrivacyNotice', PRIVACY_NOTICE),
	{
		displayName: 'Refund Number',
		name: 'refundNo',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TK2024030100001',
		description:
			"WDT's refund number, at most 40 characters. Nothing found: no item. WDT field: refund_no.",
	},
	outputModeField(OUTPUT),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['refund'], operation: ['get'] } },
	properties,
);

function readQuery(ctx: IExecuteFunctions, itemIndex: number): RefundQuery {
	const label = 'Refund Number (refund_no)';
	const refundNo = readTextFilter(
		ctx,
		itemIndex,
		ctx.getNodeParameter('refundNo', itemIndex, ''),
		label,
		40,
	);
	if (refundNo === undefined) throw invalidInput(ctx, itemIndex, label, 'is empty.');
	return {
		params: { refund_no: refundNo },
		limit: Infinity,
		asLines: readOutputAsLines(ctx, itemIndex),
		parallel: 1,
	};
}

/** aftersales.refund.Refund.search by refund_no, without a time range. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		(i) => readQuery(this, i),
		async (query) => await readRefunds(this, query),
	);
}
