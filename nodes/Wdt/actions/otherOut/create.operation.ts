import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { describeKind, orderNumberKey, WdtError, type WdtResponse } from '../../../shared/protocol';
import { parseQuantity } from '../../../shared/protocol/validate';
import { callWdt } from '../../../shared/transport';
import { planEachItem } from '../common';
import { invalidInput } from '../parameters';
import { locatorCode, logisticsLocator, readLocatorCode, warehouseLocator } from '../locators';
import {
	checkedFields,
	columnFields,
	columnValue,
	createEach,
	definedLines,
	documentedFields,
	executionNumbering,
	groupByColumnField,
	groupItemsBy,
	LINE_REMARK_COLUMN,
	lineRemarkValue,
	linesSourceField,
	numberWhenEmptyField,
	SKU_LINE_COLUMNS,
	skuLinesField,
	snakeCaseKeys,
	type PlannedCreate,
	text,
} from '../writeInput';

const METHOD = 'wms.stockother.Out.push';
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
	linesSourceField(show, ORDER),
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
		description:
			'Your own number for the order, at most 40 characters; WDT uses it as the order number. WDT refuses a number it already has, so a re-run cannot create the order twice. When empty, see When the Number Is Empty. WDT field: outer_no.',
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
		description: 'Why the goods go out, at most 255 characters. WDT field: reason.',
	},
	{
		displayName: 'Remark',
		name: 'remark',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'A note on the order, at most 255 characters. WDT field: remark.',
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
	skuLinesField(show, [
		{
			displayName: 'Batch Number',
			name: 'batchNo',
			type: 'string',
			default: '',
			description: 'Optional, at most 40 characters. WDT field: batch_no.',
		},
		lineRemarkValue,
	]),
	...columnFields(show, [
		...SKU_LINE_COLUMNS,
		['Batch Number Column', 'batchNoColumn', '', false, 'the batch number (WDT field batch_no)'],
		LINE_REMARK_COLUMN,
	]),
	groupByColumnField(show, ORDER, 'order_key'),
];

type OrderParams = IDataObject & { outer_no?: string };
interface PlannedOrder {
	order: OrderParams;
	order_details: IDataObject[];
}
/** other_out_no: the number sent as outer_no (output as requested_other_out_no). */
type Params = IDataObject & { other_out_no?: string; plan: PlannedOrder };

/** The names the node shows for WDT's fields, for messages. */
const LABELS: Record<string, string> = {
	warehouse_no: 'Warehouse',
	outer_no: 'Other-Out Number',
	reason: 'Reason',
	remark: 'Remark',
	create_check_stock: 'Check Stock When',
	logistics_code: 'Logistics Company',
	spec_no: 'SKU Code',
	batch_no: 'Batch Number',
	...Object.fromEntries(ORDER_FIELDS.map(([label, name]) => [name, label])),
};

const orderFields = () => documentedFields(METHOD, ['order']);
const detailFields = () => documentedFields(METHOD, ['order_details']);

/** The order fields at one item, checked against the page's `order` table. */
function readOrder(ctx: IExecuteFunctions, itemIndex: number): OrderParams {
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
	const order = checkedFields(ctx, itemIndex, '', orderFields(), values, ['warehouse_no'], LABELS);
	order.is_check = ctx.getNodeParameter('isCheck', itemIndex, false) as boolean;
	return order;
}

/** One detail line, checked: quantity a plain positive whole number, texts by the page. */
function readLine(
	ctx: IExecuteFunctions,
	itemIndex: number,
	where: string,
	raw: { spec_no: unknown; num: unknown; batch_no?: unknown; remark?: unknown },
): IDataObject {
	const quantity = parseQuantity(raw.num);
	if ('problem' in quantity)
		throw invalidInput(ctx, itemIndex, `${where}Quantity (num)`, `${quantity.problem}.`);
	const texts = { spec_no: raw.spec_no, batch_no: raw.batch_no, remark: raw.remark } as IDataObject;
	const lineLabels = { ...LABELS, remark: 'Line Remark' };
	const line = checkedFields(ctx, itemIndex, where, detailFields(), texts, ['spec_no'], lineLabels);
	return { spec_no: line.spec_no, num: quantity.quantity, ...line };
}

function planFromDefinedLines(ctx: IExecuteFunctions, itemIndex: number): PlannedOrder {
	const order = readOrder(ctx, itemIndex);
	const order_details = definedLines(ctx, itemIndex, (entry, where) =>
		readLine(ctx, itemIndex, where, snakeCaseKeys(entry) as Parameters<typeof readLine>[3]),
	);
	return { order, order_details };
}

function planFromInputItems(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
): Array<{ itemIndices: number[]; plan: PlannedOrder }> {
	const column = (name: string, i: number) => text(ctx.getNodeParameter(name, i, ''));
	const groups = groupItemsBy(ctx, items, column('groupByColumn', 0), 'Group By Column');
	return groups.map((itemIndices) => ({
		itemIndices,
		plan: {
			order: readOrder(ctx, itemIndices[0]),
			order_details: itemIndices.map((i) => {
				const optional = (name: string, label: string) =>
					column(name, i) ? columnValue(ctx, items, i, column(name, i), label) : undefined;
				return readLine(ctx, i, '', {
					spec_no: columnValue(ctx, items, i, column('specNoColumn', i), 'SKU Code Column'),
					num: columnValue(ctx, items, i, column('numColumn', i), 'Quantity Column'),
					batch_no: optional('batchNoColumn', 'Batch Number Column'),
					remark: optional('lineRemarkColumn', 'Line Remark Column'),
				});
			}),
		},
	}));
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
		const created: IDataObject = { outcome: 'succeeded', other_out_no: number };
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
 * wms.stockother.Out.push: one order per call. Every order is validated before the first call.
 * WDT refuses an outer_no it already has, so a numbered order is never created twice; a lost
 * reply is an unknown outcome and is not sent again.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const plans: Array<PlannedCreate<Params>> = [];
	const toParams = (plan: PlannedOrder): Params => ({ other_out_no: plan.order.outer_no, plan });
	if (this.getNodeParameter('linesSource', 0, 'define') === 'inputItems') {
		for (const { itemIndices, plan } of planFromInputItems(this, items))
			plans.push({ itemIndices, params: toParams(plan) });
	} else {
		for (const entry of planEachItem(this, (i) => planFromDefinedLines(this, i)))
			plans.push('plan' in entry ? { ...entry, params: toParams(entry.plan) } : entry);
	}
	const seen = new Map<string, number>();
	for (const plan of plans) {
		if (!('params' in plan) || !plan.params.other_out_no) continue;
		const key = orderNumberKey(plan.params.other_out_no);
		const earlier = seen.get(key);
		if (earlier !== undefined)
			throw invalidInput(
				this,
				plan.itemIndices[0],
				'Other-Out Number (outer_no)',
				`"${plan.params.other_out_no}" is also used by item ${earlier + 1}; each order needs its own number.`,
			);
		seen.set(key, plan.itemIndices[0]);
	}
	if (this.getNodeParameter('numberWhenEmpty', 0, 'derive') === 'derive') {
		const numbered = executionNumbering(this);
		plans.forEach((plan, at) => {
			if ('params' in plan && !plan.params.other_out_no)
				plan.params.other_out_no = plan.params.plan.order.outer_no = numbered(at + 1);
		});
	}

	return await createEach(this, plans, {
		entity: 'other-out order',
		numberField: 'other_out_no',
		checkIn: 'the other-out orders in WDT (wms.stockother.OutQuery.queryWithDetail)',
		refusalHint: (error) =>
			/重复/.test(error.wdtMessage ?? '')
				? 'WDT already has an order with this number, for example from an earlier run of this execution'
				: undefined,
		send: async ({ other_out_no: requested, plan }) => {
			const response = await callWdt.call(
				this,
				{ method: METHOD, args: [plan.order, plan.order_details] },
				{ write: true },
			);
			const order = { ...plan.order };
			delete order.outer_no; // output as other_out_no and requested_other_out_no
			const json: IDataObject = {
				...createdOrder(response, requested),
				...order,
				order_details: plan.order_details,
			};
			if (requested !== undefined) json.requested_other_out_no = requested;
			return json;
		},
	});
}
