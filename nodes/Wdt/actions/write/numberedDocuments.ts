/**
 * Creates that send one numbered document per call (transfer, other-out, purchase order, purchase
 * apply): input items or grouped rows → one document each (its own fields and SKU lines), every
 * document checked before the first call, an empty number derived from the execution, a number
 * used twice refused, a number WDT has already found by a look-up where the operation can look.
 * An operation declares its fields and what is truly its own; documentCreate builds the rest.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { locatorCode } from '../../../shared/lists/locators';
import {
	readUserDateTime,
	succeededOutcome,
	toWdtTime,
	unknownOutcome,
	type WdtResponse,
} from '../../../shared/protocol';
import { invalidInput } from '../parameters';
import { planByLinesSource } from './documents';
import { shownFor, textProperty } from './documentProperties';
import { runWrite } from './engine';
import {
	groupByColumnField,
	linesSourceField,
	readLinesSource,
	type WriteEntity,
} from './inputFields';
import { numberWhenEmpty, numberWhenEmptyField } from './numbering';
import { type SkuLines, skuLinesFields, skuLinesOfItem, skuLinesOfRows } from './skuLines';
import { ALREADY_CREATED, type WriteOutcome, type WriteSpec } from './spec';
import { checkedFields, documentedFields } from './values';

/** One document: its own fields (checked, as WDT names them) and its SKU lines. */
export interface NumberedDocument {
	head: IDataObject;
	lines: IDataObject[];
}

/**
 * A look-up that could not tell whether WDT has the number (`why`): the document is not sent,
 * and its outcome is unknown, so that neither the node nor the user sends it blindly.
 */
export class UnclearLookUp {
	constructor(readonly why: string) {}
}

export interface DocumentCreate {
	method: string;
	/** Where the document's own fields are in the method's arguments, e.g. ['orderInfo']. */
	headPath: readonly string[];
	resource: string;
	/** What the fields call one document, e.g. { one: 'order', many: 'orders' }. */
	entity: WriteEntity;
	/** How messages name it, and which documents WDT creates (WriteWords.statusRule). */
	words: { one: string; many: string; statusRule: string };
	/** A notice shown first: its parameter name and text. */
	notice?: { name: string; text: string };
	number: {
		/** WDT's field, the node's parameter, its label and its description. */
		field: string;
		parameter: string;
		label: string;
		description: string;
		/** A number WDT gives, for When the Number Is Empty. */
		wdtExample: string;
		/** How a re-run is kept from creating twice, when not by WDT refusing the number. */
		deriveSafety?: string;
		/** WDT's text refusing a number it has, and what to tell the user then. */
		repeated?: { wdtText: RegExp; hint: string };
		/**
		 * The document WDT already has under the number, or UnclearLookUp (not sent, unknown);
		 * a failed look-up throws (not sent, and the node stops sending).
		 */
		find?(ctx: IExecuteFunctions, number: string): Promise<IDataObject | UnclearLookUp | undefined>;
		/** What an 'already created' item shows of the document found. */
		found?(existing: IDataObject, number: string): IDataObject;
	};
	/** The document's own fields before and after its number (displayOptions are added). */
	fields: { beforeNumber: INodeProperties[]; afterNumber: INodeProperties[] };
	/**
	 * Additional Fields: optional document fields as [label, WDT name, what it is] (`lengths`:
	 * their descriptions give the page's length) and any other options, named as WDT names them.
	 */
	additional?: {
		texts: ReadonlyArray<readonly [string, string, string]>;
		/** How many custom properties (prop1, prop2, …) the page documents. */
		customProperties?: number;
		lengths?: (field: string) => string;
		options?: INodeProperties[];
	};
	lines: SkuLines;
	/** An example of the column that groups rows into documents. */
	groupByExample: string;
	/** The labels of the document's own fields in messages, by WDT name. */
	labels: Record<string, string>;
	required: readonly string[];
	/** The document's own values at one item, named as WDT names them (the number among them). */
	values(ctx: IExecuteFunctions, itemIndex: number): IDataObject;
	/** Wall times: node parameter → WDT field (sent in China Standard Time). */
	times?: Record<string, string>;
	/** Yes/no parameters sent as they are: node parameter → WDT field. */
	flags?: Record<string, string>;
	/**
	 * Checks of the lines against the document's fields (e.g. a line field only some modes take);
	 * `at(line)`: the item a line comes from and how messages name it.
	 */
	checkLines?(
		ctx: IExecuteFunctions,
		head: IDataObject,
		lines: IDataObject[],
		at: (line: number) => { itemIndex: number; where: string },
	): void;
	/** Checks and values beyond the page's table (before times and flags are added). */
	complete?(ctx: IExecuteFunctions, itemIndex: number, head: IDataObject): void;
	/**
	 * Rows of one document must agree on every document field (else only the first row counts);
	 * the word that names a document in the message, e.g. 'order'.
	 */
	sameHeadInGroup?: string;
	/** The call's arguments for one document. */
	args(document: NumberedDocument): unknown[];
	/** The outcome of the call: the new number (and what else the reply says) as `data`. */
	created(document: NumberedDocument, response: WdtResponse): WriteOutcome;
	output: {
		/** The name of the lines in the output. */
		lines: string;
		/** The field that outputs the number sent (it is then left out of the document's fields). */
		requested?: string;
		/** Fields of every item, done or not. */
		always?(document: NumberedDocument): IDataObject;
	};
}

/** The Additional Fields collection of a document. */
function additionalFields(additional: NonNullable<DocumentCreate['additional']>) {
	const { lengths, options = [] } = additional;
	const texts = [
		...additional.texts,
		...Array.from({ length: additional.customProperties ?? 0 }, (_, at) => [
			`Property ${at + 1}`,
			`prop${at + 1}`,
			`Custom property ${at + 1} of the order`,
		]),
	];
	return {
		displayName: 'Additional Fields',
		name: 'orderFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			...options,
			...texts.map(
				([displayName, name, what]): INodeProperties => ({
					displayName,
					name,
					type: 'string',
					default: '',
					description: `${what}${lengths ? `, ${lengths(name)}` : ''}. WDT field: ${name}.`,
				}),
			),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	} satisfies INodeProperties;
}

/** The operation's fields, in the order every create shows them. */
export function documentCreateFields(create: DocumentCreate): INodeProperties[] {
	const show = { resource: [create.resource], operation: ['create'] };
	const { number, entity, fields } = create;
	const own = (properties: INodeProperties[]) => properties.map((p) => shownFor(show, p));
	return [
		...(create.notice
			? own([
					{
						displayName: create.notice.text,
						name: create.notice.name,
						type: 'notice',
						default: '',
					},
				])
			: []),
		linesSourceField(show, { ...entity, groupedBy: 'value in Group By Column' }, 'define'),
		...own(fields.beforeNumber),
		shownFor(show, textProperty(number.label, number.parameter, number.description)),
		numberWhenEmptyField(
			show,
			entity,
			{ field: number.field, label: number.label, wdtExample: number.wdtExample },
			number.deriveSafety,
		),
		...own(fields.afterNumber),
		...(create.additional ? own([additionalFields(create.additional)]) : []),
		...skuLinesFields(show, create.lines),
		groupByColumnField(show, entity, create.groupByExample),
	];
}

/** The labels of every document field for messages: the operation's, the number's, Additional Fields'. */
function labelsOf(create: DocumentCreate): Record<string, string> {
	const additional = create.additional
		? (additionalFields(create.additional).options as INodeProperties[])
		: [];
	return {
		...create.labels,
		[create.number.field]: create.number.label,
		...Object.fromEntries(additional.map((option) => [option.name, option.displayName])),
	};
}

/** The document's own fields at one item, checked against the page's table. */
function readHead(
	ctx: IExecuteFunctions,
	itemIndex: number,
	create: DocumentCreate,
	labels: Record<string, string>,
): IDataObject {
	// A dropdown among the Additional Fields ({ mode, value }) gives its code.
	const additional = Object.entries(
		ctx.getNodeParameter('orderFields', itemIndex, {}) as IDataObject,
	).map(([name, value]) => [name, typeof value === 'object' ? locatorCode(value) : value]);
	const values = { ...create.values(ctx, itemIndex), ...Object.fromEntries(additional) };
	const fields = documentedFields(create.method, create.headPath);
	const head = checkedFields(ctx, itemIndex, '', fields, values, create.required, labels);
	create.complete?.(ctx, itemIndex, head);
	const own = [...create.fields.beforeNumber, ...create.fields.afterNumber];
	const propertyOf = (parameter: string) => own.find((property) => property.name === parameter);
	for (const [parameter, wdt] of Object.entries(create.times ?? {})) {
		const raw = ctx.getNodeParameter(parameter, itemIndex, '') as unknown;
		if (raw === '' || raw === null || raw === undefined) continue;
		const read = readUserDateTime(raw, ctx.getTimezone());
		if ('problem' in read) {
			const label = `${propertyOf(parameter)?.displayName ?? parameter} (${wdt})`;
			throw invalidInput(ctx, itemIndex, label, `${read.problem}.`);
		}
		head[wdt] = toWdtTime(read.ms);
	}
	for (const [parameter, wdt] of Object.entries(create.flags ?? {}))
		head[wdt] = ctx.getNodeParameter(
			parameter,
			itemIndex,
			propertyOf(parameter)?.default,
		) as boolean;
	return head;
}

/**
 * The document of a group of rows, read from its first row; with sameHeadInGroup every other row
 * must give the same document fields, or the row is refused, naming it and the field.
 */
function readGroupHead(
	ctx: IExecuteFunctions,
	rows: number[],
	create: DocumentCreate,
	labels: Record<string, string>,
): IDataObject {
	const head = readHead(ctx, rows[0], create, labels);
	const one = create.sameHeadInGroup;
	if (!one) return head;
	for (const row of rows.slice(1)) {
		const other = readHead(ctx, row, create, labels);
		for (const field of new Set([...Object.keys(head), ...Object.keys(other)]))
			if (JSON.stringify(head[field]) !== JSON.stringify(other[field]))
				throw invalidInput(
					ctx,
					row,
					`${labels[field] ?? field} (${field})`,
					`is ${JSON.stringify(other[field] ?? '')} here but ${JSON.stringify(head[field] ?? '')} in item ${rows[0] + 1} of the same ${one} (Group By Column); one ${one} has one value.`,
				);
	}
	return head;
}

/** The write spec of a numbered create: one document per call. */
export function documentCreateSpec(create: DocumentCreate): WriteSpec<NumberedDocument> {
	const { number, lines, output } = create;
	const labels = labelsOf(create);
	const numberOf = ({ head }: NumberedDocument) => (head[number.field] as string | undefined) ?? '';
	const { repeated, find, found } = number;
	return {
		method: create.method,
		words: {
			...create.words,
			action: 'create',
			done: 'created',
			refusalHint: repeated
				? (wdtText) => (repeated.wdtText.test(wdtText) ? repeated.hint : undefined)
				: undefined,
		},
		plan(ctx) {
			/** A document whose lines passed checkLines; `at(line)`: its item and where it is. */
			const documentOf = (
				head: IDataObject,
				documentLines: IDataObject[],
				at: (line: number) => [number, string],
			): NumberedDocument => {
				create.checkLines?.(ctx, head, documentLines, (line) => {
					const [itemIndex, where] = at(line);
					return { itemIndex, where };
				});
				return { head, lines: documentLines };
			};
			return planByLinesSource(ctx, readLinesSource(ctx, 'define'), {
				fromItem: (i) =>
					documentOf(readHead(ctx, i, create, labels), skuLinesOfItem(ctx, i, lines), (at) => [
						i,
						`Lines → line ${at + 1} → `,
					]),
				fromRows: (rows) =>
					documentOf(
						readGroupHead(ctx, rows, create, labels),
						skuLinesOfRows(ctx, rows, lines),
						(at) => [rows[at], ''],
					),
			});
		},
		key: numberOf,
		sameKey: { refuse: `${number.label} (${number.field})` },
		numbering: numberWhenEmpty(({ head }) => head, number.field),
		batch: { limit: 1 },
		args: ([document]) => create.args(document),
		lookUp: find
			? async (ctx, document) => {
					const sent = numberOf(document);
					if (!sent) return undefined;
					const existing = await find(ctx, sent);
					if (!existing) return undefined;
					if (existing instanceof UnclearLookUp) return unknownOutcome(sent, existing.why);
					return {
						...succeededOutcome(sent),
						outcome: ALREADY_CREATED,
						data: found?.(existing, sent),
					};
				}
			: undefined,
		outcomes: ([document], response) => [create.created(document, response)],
		output(document, outcome) {
			const { [number.field]: sentNumber, ...rest } = document.head;
			const json: IDataObject =
				outcome.outcome === 'succeeded'
					? { ...(output.requested ? rest : document.head), [output.lines]: document.lines }
					: {};
			if (output.requested && sentNumber !== undefined) json[output.requested] = sentNumber;
			return { ...json, ...output.always?.(document) };
		},
	};
}

/** Runs a numbered create (documentCreateSpec). */
export async function runDocumentCreate(
	ctx: IExecuteFunctions,
	create: DocumentCreate,
): Promise<INodeExecutionData[]> {
	return await runWrite(ctx, documentCreateSpec(create));
}
