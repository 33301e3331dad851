import { lengthOf, REFUND } from '../../../shared/records';
import { getByNumber } from '../getByNumber';

/** Its entry in the Refund resource's Operation field. */
export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a refund',
	description: 'Get a refund or exchange by refund number (aftersales.refund.Refund.search)',
};

/** aftersales.refund.Refund.search by refund_no, without a time range. */
export const { description, execute } = getByNumber({
	resource: 'refund',
	read: { record: REFUND },
	by: [
		{
			value: 'refundNo',
			name: 'Refund Number',
			description: "WDT's refund number (refund_no)",
			wdtField: 'refund_no',
		},
	],
	parameters: { number: 'refundNo' },
	number: {
		displayName: 'Refund Number',
		placeholder: 'e.g. TK2024030100001',
		description: `WDT's refund number, at most ${lengthOf(REFUND, 'refund_no')} characters. Nothing found: an error naming the number. WDT field: refund_no.`,
	},
	options: false,
	notFoundReason:
		'WDT does not return refunds of Taobao/Tmall, Pinduoduo and system-distribution platforms through this API.',
});
