import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	describeKind,
	succeededOutcome,
	WdtError,
	type WdtResponse,
} from '../../../shared/protocol';
import { logisticsLocator, readLocatorCode, warehouseLocator } from '../locators';
import {
	atMost,
	choiceProperty,
	type DocumentCreate,
	documentCreateFields,
	flagProperty,
	lineRemark,
	remarkProperty,
	runDocumentCreate,
	type SkuLines,
	text,
	textProperty,
} from '../write';

const METHOD = 'wms.stockother.Out.push';
const LINES: SkuLines = {
	method: METHOD,
	path: ['order_details'],
	optional: {
		batch_no: {
			label: 'Batch Number',
			value: 'batchNo',
			column: 'batchNoColumn',
			columnLabel: 'Batch Number Column',
			what: 'the batch number',
		},
		remark: lineRemark(),
	},
};
/** "at most N characters" of an order field, from the page. */
const orderLength = (field: string) => atMost(METHOD, ['order'], field);

/** Optional order fields, named as WDT names them (wms.stockother.Out.push, `order`). */
const ORDER_FIELDS: Array<[string, string, string]> = [
	['Tracking Number', 'logistics_no', 'The tracking number'],
	['Flag Name', 'flag_name', 'The name of a flag defined in WDT'],
	['Receiver Name', 'receiver_name', 'Required by WDT for an external (outsourced) warehouse'],
	['Receiver Mobile', 'receiver_mobile', 'Required by WDT for an external warehouse'],
	['Receiver Province', 'receiver_province', 'Required by WDT for an external warehouse'],
	['Receiver City', 'receiver_city', 'Required by WDT for an external warehouse'],
	['Receiver District', 'receiver_district', 'Required by WDT for an external warehouse'],
	['Receiver Address', 'receiver_address', 'Required by WDT for an external warehouse'],
];

/** Its entry in the Other Out resource's Operation field. */
export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create other-out business orders',
	description:
		'Create orders that take stock out of a warehouse, from lines or input rows (wms.stockother.Out.push)',
};

/**
 * The push page's reply: data.status 0, data.message the new order number; data.status 20, the
 * order was created but its review or hand-over to the WMS failed (data.outer_no is its number).
 * A refusal comes as the envelope's nonzero status. Anything else leaves the outcome open.
 */
function createdOrder(response: WdtResponse, requested: string | undefined): IDataObject {
	const data = response.data as { status?: unknown; message?: unknown; outer_no?: unknown } | null;
	const status = Number(data?.status);
	const number = text(data?.outer_no) || (status === 0 ? text(data?.message) : '') || requested;
	if ((status === 0 || status === 20) && number) {
		const created: IDataObject = { other_out_no: number };
		if (status === 20) {
			created.review_failed = true;
			created.wdt_message = text(data?.message);
		}
		return created;
	}
	throw new WdtError(
		`WDT ${METHOD} answered without saying whether the order was created (data is ${JSON.stringify(response.data ?? null).slice(0, 200)}; the documented reply has data.status 0 or 20 and the number)`,
		describeKind('badResponse'),
	);
}

/**
 * wms.stockother.Out.push: one order per call. Every order is checked before the first call.
 * WDT refuses an outer_no it already has, so a numbered order is never created twice; a lost
 * reply is an unknown outcome and is not sent again.
 */
const CREATE: DocumentCreate = {
	method: METHOD,
	headPath: ['order'],
	resource: 'otherOut',
	entity: { one: 'order', many: 'orders' },
	words: {
		one: 'other-out order',
		many: 'other-out orders',
		statusRule: 'WDT creates an other-out order only for a warehouse and SKUs it knows',
	},
	notice: {
		name: 'createNotice',
		text: "Other-out orders take stock out of a warehouse. Try the workflow with the credential's Test environment before Production: an order created in WDT cannot be deleted, only cancelled.",
	},
	number: {
		field: 'outer_no',
		parameter: 'outerNo',
		label: 'Other-Out Number',
		description: `Your own number for the order, ${orderLength('outer_no')}; WDT uses it as the order number. WDT refuses a number it already has, so a re-run cannot create the order twice. When empty, see When the Number Is Empty. WDT field: outer_no.`,
		wdtExample: 'QC202510100006',
		repeated: {
			wdtText: /重复/,
			hint: 'WDT already has an order with this number, for example from an earlier run of this execution',
		},
	},
	fields: {
		beforeNumber: [
			warehouseLocator({
				description:
					'The warehouse the goods leave. The API account needs permission for it. WDT field: warehouse_no.',
				required: true,
			}),
		],
		afterNumber: [
			flagProperty(
				'Review',
				'isCheck',
				'Whether WDT reviews the order when creating it. Off: it waits for review. WDT field: is_check.',
			),
			textProperty(
				'Reason',
				'reason',
				`Why the goods go out, ${orderLength('reason')}. WDT field: reason.`,
			),
			remarkProperty('order', orderLength('remark')),
		],
	},
	additional: {
		texts: ORDER_FIELDS,
		customProperties: 6,
		options: [
			choiceProperty(
				'Check Stock When',
				'create_check_stock',
				1,
				[
					{ name: 'Creating the Order', value: 0 },
					{ name: 'Reviewing the Order (WDT Default)', value: 1 },
				],
				'When WDT checks the available stock. WDT field: create_check_stock.',
			),
			logisticsLocator({
				name: 'logistics_code',
				description: "The logistics company, from WDT's list of logistics companies.",
				wdtField: 'logistics_code',
			}),
		],
	},
	lines: LINES,
	groupByExample: 'order_key',
	labels: { warehouse_no: 'Warehouse', reason: 'Reason', remark: 'Remark' },
	required: ['warehouse_no'],
	values: (ctx, itemIndex) => ({
		warehouse_no: readLocatorCode(ctx, itemIndex, 'warehouseNo'),
		outer_no: ctx.getNodeParameter('outerNo', itemIndex, '') as string,
		reason: ctx.getNodeParameter('reason', itemIndex, '') as string,
		remark: ctx.getNodeParameter('remark', itemIndex, '') as string,
	}),
	flags: { isCheck: 'is_check' },
	args: ({ head, lines }) => [head, lines],
	created({ head }, response) {
		const data = createdOrder(response, head.outer_no as string | undefined);
		return { ...succeededOutcome(String(data.other_out_no)), data };
	},
	output: { lines: 'order_details', requested: 'requested_other_out_no' },
};

export const description = documentCreateFields(CREATE);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runDocumentCreate(this, CREATE);
}
