import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	describeKind,
	orderNumberKey,
	succeededOutcome,
	WdtError,
	type WdtResponse,
} from '../../../shared/protocol';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { providerLocator, readLocatorCode, warehouseLocator } from '../locators';
import {
	atMost,
	createReplyData,
	type DocumentCreate,
	documentCreateFields,
	expectedArrivalProperty,
	flagProperty,
	lineRemark,
	remarkProperty,
	runDocumentCreate,
	type SkuLines,
	text,
	UnclearLookUp,
} from '../write';

/** Kept here for the tests and callers that import it from Create. */
export { derivedApplyNumber } from '../write';

const UPLOAD_METHOD = 'purchase.PurchaseApply.upload';
const SEARCH_METHOD = 'purchase.PurchaseApply.search';

const LINES: SkuLines = {
	method: UPLOAD_METHOD,
	path: ['params', 'detail_list'],
	optional: {
		provider_no: {
			label: 'Supplier',
			value: 'providerNo',
			column: 'providerNoColumn',
			columnLabel: 'Supplier Number Column',
			what: 'the supplier number',
			property: providerLocator({
				description:
					'Optional. When every line has the same supplier, it becomes the supplier of the apply.',
			}),
		},
		remark: lineRemark(),
	},
};

/** Its entry in the Purchase Apply resource's Operation field. */
export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create a purchase apply',
	description: 'Create a purchase apply with its detail lines (purchase.PurchaseApply.upload)',
};

/**
 * The number of the apply WDT created. The upload page: `data.status` 0 means `data.message`
 * is the new number, any other status means `data.message` is the error. (The envelope's
 * `message` is documented the same way, so it is the fallback for the number.) A refusal is a
 * business error; a reply that says neither is an unknown outcome, never a created apply.
 */
function createdApplyNumber(response: WdtResponse): string {
	const { status, message } = createReplyData(response.data);
	if (typeof status === 'number' && status !== 0)
		throw new WdtError(
			`WDT refused to create it (its reply has data.status ${status}): "${message || '(no message)'}"`,
			{ ...describeKind('business'), status, wdtMessage: message },
		);
	const number = status === 0 ? message || text(response.message) : '';
	if (number === '') {
		const shown = JSON.stringify(response.data ?? null).slice(0, 200);
		throw new WdtError(
			`WDT ${UPLOAD_METHOD} answered without saying whether the apply was created (data is ${shown}; the documented reply has data.status and data.message)`,
			describeKind('badResponse'),
		);
	}
	return number;
}

/**
 * The most applies read to look one number up when WDT ignores the purchase_apply_no filter (a
 * WDT older than V1.5.1.0 lists every apply): 10 pages of 100.
 */
export const UNFILTERED_LOOKUP_BOUND = 1000;

/** What a search without a working number filter listed, by orderNumberKey; `complete`: all of it. */
interface UnfilteredList {
	byNumber: Map<string, IDataObject>;
	complete: boolean;
}

/** Per run (execute context): the list a WDT that ignores the filter gave, read once. */
const unfilteredLists = new WeakMap<IExecuteFunctions, UnfilteredList>();

const numberKeyOf = (apply: IDataObject) => orderNumberKey(String(apply.purchase_apply_no ?? ''));

/**
 * The apply WDT already has under `number`, by the search's purchase_apply_no filter
 * (V1.5.1.0+), compared ignoring case as WDT compares numbers. The upload page does not say that
 * WDT refuses a repeated number, so a number an earlier attempt may have sent is looked up first.
 * A WDT older than V1.5.1.0 ignores the filter and lists other applies: only exact matches count,
 * the list is read once per run up to UNFILTERED_LOOKUP_BOUND applies, and a number not among
 * them when the list is longer is UnclearLookUp (not sent, outcome unknown), never absent. A
 * failed lookup throws, so the apply is not sent.
 */
async function existingApply(
	ctx: IExecuteFunctions,
	number: string,
): Promise<IDataObject | UnclearLookUp | undefined> {
	const key = orderNumberKey(number);
	let unfiltered = unfilteredLists.get(ctx);
	if (!unfiltered) {
		const { records, complete } = await searchWindows.call(ctx, {
			...catalogPaging(SEARCH_METHOD),
			method: SEARCH_METHOD,
			args: () => [{ purchase_apply_no: number }],
			recordKey: (record) => JSON.stringify(record),
			limit: UNFILTERED_LOOKUP_BOUND,
		});
		const applies = records as IDataObject[];
		// Only this number came back (or nothing): the filter worked, the answer is exact.
		if (applies.every((apply) => numberKeyOf(apply) === key)) return applies[0];
		unfiltered = { byNumber: new Map(), complete };
		for (const apply of applies)
			if (!unfiltered.byNumber.has(numberKeyOf(apply)))
				unfiltered.byNumber.set(numberKeyOf(apply), apply);
		unfilteredLists.set(ctx, unfiltered);
	}
	const found = unfiltered.byNumber.get(key);
	if (found || unfiltered.complete) return found;
	return new UnclearLookUp(
		`WDT ignored the purchase_apply_no filter of ${SEARCH_METHOD} (it needs WDT client V1.5.1.0 or later) and lists more than ${UNFILTERED_LOOKUP_BOUND} applies, so the node could not tell whether ${number} already exists and did not send it`,
	);
}

/**
 * purchase.PurchaseApply.upload, one apply per call. Every apply is checked before the first is
 * sent; a numbered one is looked up first, so a re-run reports it 'already created' instead of
 * creating it twice. A create is never re-sent: a lost reply is an unknown outcome.
 */
const CREATE: DocumentCreate = {
	method: UPLOAD_METHOD,
	headPath: ['params'],
	resource: 'purchaseApply',
	entity: { one: 'apply', many: 'applies' },
	words: {
		one: 'purchase apply',
		many: 'purchase applies',
		statusRule: 'WDT creates an apply only for a warehouse, SKUs and suppliers it knows',
	},
	number: {
		field: 'purchase_apply_no',
		parameter: 'purchaseApplyNo',
		label: 'Purchase Apply Number',
		description: `Your own number for the apply, ${atMost(UPLOAD_METHOD, ['params'], 'purchase_apply_no')}. Before sending a number the node looks it up in WDT, ignoring case (purchase_apply_no filter of the search, WDT client V1.5.1.0 or later): an apply that exists is not sent again but output with outcome 'already created', so a re-run cannot create it twice. An older WDT ignores that filter: the node then reads up to ${UNFILTERED_LOOKUP_BOUND} applies, and beyond that does not send the number (outcome 'unknown'). When empty, see When the Number Is Empty. WDT field: purchase_apply_no.`,
		wdtExample: 'POA2208260005',
		deriveSafety:
			"the node finds the applies created by the earlier run and outputs them as 'already created' instead of sending them again",
		find: existingApply,
		// WDT's own spelling of the number (the look-up ignores case).
		found: ({ purchase_apply_no: existing, status, created, modified }, number) => ({
			purchase_apply_no: typeof existing === 'string' && existing !== '' ? existing : number,
			status,
			created,
			modified,
		}),
	},
	fields: {
		beforeNumber: [
			warehouseLocator({
				description: `The warehouse the goods are requested for (a number of ${atMost(UPLOAD_METHOD, ['params'], 'warehouse_no')}).`,
			}),
			expectedArrivalProperty('expectedTime', 'expected_time'),
			remarkProperty('apply', atMost(UPLOAD_METHOD, ['params'], 'remark')),
		],
		afterNumber: [
			{
				...flagProperty(
					'Submit',
					'isSubmit',
					"Whether to submit the apply. On: it is created ready to be referenced by purchase orders. Off: it stays in editing, or awaiting confirmation when WDT's quantity-confirmation setting is on. WDT field: is_submit.",
				),
				default: true,
			},
		],
	},
	lines: LINES,
	groupByExample: 'apply_key',
	labels: { warehouse_no: 'Warehouse', remark: 'Remark' },
	required: [],
	values: (ctx, itemIndex) => ({
		warehouse_no: readLocatorCode(ctx, itemIndex, 'warehouseNo'),
		remark: ctx.getNodeParameter('remark', itemIndex, '') as string,
		purchase_apply_no: ctx.getNodeParameter('purchaseApplyNo', itemIndex, '') as string,
	}),
	times: { expectedTime: 'expected_time' },
	flags: { isSubmit: 'is_submit' },
	args: ({ head, lines }) => [{ ...head, detail_list: lines }],
	created(_, response) {
		const number = createdApplyNumber(response);
		return { ...succeededOutcome(number), data: { purchase_apply_no: number } };
	},
	output: { lines: 'detail_list', requested: 'requested_purchase_apply_no' },
};

export const description = documentCreateFields(CREATE);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runDocumentCreate(this, CREATE);
}
