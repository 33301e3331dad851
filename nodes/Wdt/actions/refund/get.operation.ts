import type { INodeProperties } from 'n8n-workflow';

import { lookupQuery, readOperation } from '../read';
import { noticeField, operationFields, outputModeField, readRequiredText } from '../shared.fields';
import { OUTPUT, PRIVACY_NOTICE, REFUND_READ } from './getMany.operation';

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

/** Its entry in the Refund resource's Operation field. */
export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a refund',
	description: 'Get a refund or exchange by refund number (aftersales.refund.Refund.search)',
};

export const description = operationFields('refund', 'get', properties);

/** aftersales.refund.Refund.search by refund_no, without a time range. */
export const execute = readOperation(REFUND_READ, (ctx, i) =>
	lookupQuery(ctx, i, {
		refund_no: readRequiredText(ctx, i, 'refundNo', 'Refund Number (refund_no)', 40),
	}),
);
