import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	describeKind,
	succeededOutcome,
	WdtError,
	type WdtResponse,
} from '../../../shared/protocol';
import { locatorCode, logisticsLocator, readLocatorCode, warehouseLocator } from '../locators';
import {
	atMost,
	checkedFields,
	documentedFields,
	groupByColumnField,
	linesSourceField,
	numberWhenEmpty,
	numberWhenEmptyField,
	planByLinesSource,
	readLinesSource,
	runWrite,
	type SkuLines,
	skuLinesFields,
	skuLinesOfItem,
	skuLinesOfRows,
	text,
	type WriteSpec,
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
		remark: {
			label: 'Line Remark',
			value: 'remark',
			column: 'lineRemarkColumn',
			columnLabel: 'Line Remark Column',
			what: 'a remark for the line',
		},
	},
};
/** "at most N characters" of an order field, from the page. */
const orderLength = (field: string) => atMost(METHOD, ['order'], field);

const show = { resource: ['otherOut'], operation: ['create'] };
const ORDER = { one: 'order', many: 'orders' };

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
	...[1, 2, 3, 4, 5, 6].map((n): [string, string, string] => [
		`Property ${n}`,
		`prop${n}`,
		`Custom property ${n} of the order`,
	]),
];

/** Its entry in the Other Out resource's Operation field. */
export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create other-out business orders',
	description:
		'Create orders that take stock out of a warehouse, from lines or input rows (wms.stockother.Out.push)',
};

export const description: INodeProperties[] = [
	{
		displayName:
			"Other-out orders take stock out of a warehouse. Try the workflow with the credential's Test environment before Production: an order created in WDT cannot be deleted, only cancelled.",
		name: 'createNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	linesSourceField(show, { ...ORDER, groupedBy: 'value in Group By Column' }, 'define'),
	{
		...warehouseLocator({
			description:
				'The warehouse the goods leave. The API account needs permission for it. WDT field: warehouse_no.',
			required: true,
		}),
		displayOptions: { show },
	},
	{
		displayName: 'Other-Out Number',
		name: 'outerNo',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: `Your own number for the order, ${orderLength('outer_no')}; WDT uses it as the order number. WDT refuses a number it already has, so a re-run cannot create the order twice. When empty, see When the Number Is Empty. WDT field: outer_no.`,
	},
	numberWhenEmptyField(show, ORDER, {
		field: 'outer_no',
		label: 'Other-Out Number',
		wdtExample: 'QC202510100006',
	}),
	{
		displayName: 'Review',
		name: 'isCheck',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description:
			'Whether WDT reviews the order when creating it. Off: it waits for review. WDT field: is_check.',
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: `Why the goods go out, ${orderLength('reason')}. WDT field: reason.`,
	},
	{
		displayName: 'Remark',
		name: 'remark',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: `A note on the order, ${orderLength('remark')}. WDT field: remark.`,
	},
	{
		displayName: 'Additional Fields',
		name: 'orderFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: { show },
		options: [
			<INodeProperties>{
				displayName: 'Check Stock When',
				name: 'create_check_stock',
				type: 'options',
				default: 1,
				options: [
					{ name: 'Creating the Order', value: 0 },
					{ name: 'Reviewing the Order (WDT Default)', value: 1 },
				],
				description: 'When WDT checks the available stock. WDT field: create_check_stock.',
			},
			logisticsLocator({
				name: 'logistics_code',
				description: "The logistics company, from WDT's list of logistics companies.",
				wdtField: 'logistics_code',
			}),
			...ORDER_FIELDS.map(
				([displayName, name, what]): INodeProperties => ({
					displayName,
					name,
					type: 'string',
					default: '',
					description: `${what}. WDT field: ${name}.`,
				}),
			),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	...skuLinesFields(show, LINES),
	groupByColumnField(show, ORDER, 'order_key'),
];

interface OtherOut {
	/** WDT's `order` argument; outer_no is the order's number. */
	order: IDataObject & { outer_no?: string };
	order_details: IDataObject[];
}

/** The names the node shows for WDT's fields, for messages. */
const LABELS: Record<string, string> = {
	warehouse_no: 'Warehouse',
	outer_no: 'Other-Out Number',
	reason: 'Reason',
	remark: 'Remark',
	create_check_stock: 'Check Stock When',
	logistics_code: 'Logistics Company',
	...Object.fromEntries(ORDER_FIELDS.map(([label, name]) => [name, label])),
};

/** The order fields at one item, checked against the page's `order` table. */
function readOrder(ctx: IExecuteFunctions, itemIndex: number): OtherOut['order'] {
	const parameter = (name: string) => ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const additional = ctx.getNodeParameter('orderFields', itemIndex, {}) as IDataObject;
	const values: IDataObject = {
		warehouse_no: readLocatorCode(ctx, itemIndex, 'warehouseNo'),
		outer_no: parameter('outerNo') as string,
		reason: parameter('reason') as string,
		remark: parameter('remark') as string,
		...additional,
	};
	// A dropdown ({ mode, value }); workflows saved before it was one hold the code as text.
	if (additional.logistics_code !== undefined)
		values.logistics_code = locatorCode(additional.logistics_code);
	const fields = documentedFields(METHOD, ['order']);
	const order = checkedFields(ctx, itemIndex, '', fields, values, ['warehouse_no'], LABELS);
	order.is_check = ctx.getNodeParameter('isCheck', itemIndex, false) as boolean;
	return order;
}

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
const spec: WriteSpec<OtherOut> = {
	method: METHOD,
	words: {
		one: 'other-out order',
		many: 'other-out orders',
		action: 'create',
		done: 'created',
		statusRule: 'WDT creates an other-out order only for a warehouse and SKUs it knows',
		refusalHint: (wdtText) =>
			/重复/.test(wdtText)
				? 'WDT already has an order with this number, for example from an earlier run of this execution'
				: undefined,
	},
	plan: (ctx) =>
		planByLinesSource(ctx, readLinesSource(ctx, 'define'), {
			fromItem: (i) => ({ order: readOrder(ctx, i), order_details: skuLinesOfItem(ctx, i, LINES) }),
			fromRows: (rows) => ({
				order: readOrder(ctx, rows[0]),
				order_details: skuLinesOfRows(ctx, rows, LINES),
			}),
		}),
	key: ({ order }) => order.outer_no ?? '',
	sameKey: { refuse: 'Other-Out Number (outer_no)' },
	numbering: numberWhenEmpty(({ order }) => order, 'outer_no'),
	batch: { limit: 1 },
	args: ([{ order, order_details }]) => [order, order_details],
	outcomes: ([{ order }], response) => {
		const data = createdOrder(response, order.outer_no);
		return [{ ...succeededOutcome(String(data.other_out_no)), data }];
	},
	output({ order, order_details }, outcome) {
		const { outer_no: requested, ...sent } = order; // output as other_out_no and requested_other_out_no
		const json: IDataObject = outcome.outcome === 'succeeded' ? { ...sent, order_details } : {};
		if (requested !== undefined) json.requested_other_out_no = requested;
		return json;
	},
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, spec);
}
