/**
 * SKU lines (a SKU code, a whole quantity and optional texts) of the creates that take them: the
 * fields that offer them (the Lines collection and the columns of input rows) and their reading,
 * with lengths from the method's page.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorCode } from '../../../shared/lists/locators';
import { parseQuantity } from '../../../shared/protocol/validate';
import { invalidInput } from '../parameters';
import { columnValue, definedLines } from './documents';
import { columnFields, linesField, type Show } from './inputFields';
import { atMost, checkedFields, documentedFields, text } from './values';

export interface SkuLines {
	/** The method and the path of one line in its arguments, e.g. ['params', 'detail_list']. */
	method: string;
	path: readonly string[];
	/**
	 * The optional texts of a line, by WDT name: its label in messages, its value's name in the
	 * Lines collection, the parameter naming its column with input rows and what the column
	 * holds; `property`: the Lines value when it is not plain text (a dropdown).
	 */
	optional: Record<
		string,
		{
			label: string;
			value: string;
			column: string;
			columnLabel: string;
			what: string;
			property?: INodeProperties;
			/**
			 * Reads a value the page types or bounds too loosely to check (no length, no format):
			 * the value to send (none: leave it out) or what is wrong with it.
			 */
			read?(value: unknown): { value?: string | number | boolean } | { problem: string };
		}
	>;
}

/** A line's remark (WDT field remark); `more`: its Lines field and reader where the page gives no length. */
export const lineRemark = (more: Pick<SkuLines['optional'][string], 'property' | 'read'> = {}) => ({
	label: 'Line Remark',
	value: 'remark',
	column: 'lineRemarkColumn',
	columnLabel: 'Line Remark Column',
	what: 'a remark for the line',
	...more,
});

/**
 * The fields of SKU lines: the Lines collection (SKU code, quantity, the optional values; Define
 * Below) and the columns that hold them (From Input Items).
 */
export function skuLinesFields(show: Show, lines: SkuLines): INodeProperties[] {
	const length = (field: string) => atMost(lines.method, lines.path, field);
	// A text is described by its length; a number field (e.g. a Decimal price) has none.
	const optionalValue = (field: string) =>
		documentedFields(lines.method, lines.path).get(field)?.length
			? length(field)
			: 'a decimal number, e.g. 12.5';
	const optional = Object.entries(lines.optional);
	return [
		linesField(show, [
			{
				displayName: 'SKU Code',
				name: 'specNo',
				type: 'string',
				default: '',
				required: true,
				description: described(`The merchant code of the SKU, ${length('spec_no')}`, 'spec_no'),
			},
			{
				displayName: 'Quantity',
				name: 'num',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				required: true,
				description: 'A positive whole number. WDT field: num.',
			},
			...optional.map(
				([wdt, { label, value, property }]): INodeProperties =>
					property ?? {
						displayName: label,
						name: value,
						type: 'string',
						default: '',
						description: described(`Optional, ${optionalValue(wdt)}`, wdt),
					},
			),
		]),
		...columnFields(show, [
			['SKU Code Column', 'specNoColumn', 'spec_no', true, 'the SKU code (WDT field spec_no)'],
			['Quantity Column', 'numColumn', 'num', true, 'the quantity (WDT field num)'],
			...optional.map(
				([wdt, { column, columnLabel, what }]) =>
					[columnLabel, column, '', false, `${what} (WDT field ${wdt})`] as const,
			),
		]),
	];
}

/** A value's description: its sentence, then its WDT name. */
const described = (sentence: string, wdt: string) => `${sentence}. WDT field: ${wdt}.`;

/** One line, checked: the quantity a plain positive whole number, texts as the page documents them. */
function skuLine(
	ctx: IExecuteFunctions,
	itemIndex: number,
	where: string,
	lines: SkuLines,
	raw: IDataObject,
): IDataObject {
	const quantity = parseQuantity(raw.num);
	if ('problem' in quantity)
		throw invalidInput(ctx, itemIndex, `${where}Quantity (num)`, `${quantity.problem}.`);
	const texts: IDataObject = { spec_no: raw.spec_no };
	const labels: Record<string, string> = { spec_no: 'SKU Code' };
	const read: IDataObject = {};
	for (const [wdt, { label, read: readValue }] of Object.entries(lines.optional)) {
		labels[wdt] = label;
		if (!readValue) {
			// A dropdown ({ mode, value }) gives its code; text stays text.
			texts[wdt] = typeof raw[wdt] === 'object' ? locatorCode(raw[wdt]) : raw[wdt];
			continue;
		}
		if (raw[wdt] === undefined || raw[wdt] === null || text(raw[wdt]) === '') continue;
		const value = readValue(raw[wdt]);
		if ('problem' in value)
			throw invalidInput(ctx, itemIndex, `${where}${label} (${wdt})`, `${value.problem}.`);
		if (value.value !== undefined) read[wdt] = value.value;
	}
	const line = checkedFields(
		ctx,
		itemIndex,
		where,
		documentedFields(lines.method, lines.path),
		texts,
		['spec_no'],
		labels,
	);
	return { spec_no: line.spec_no, num: quantity.quantity, ...line, ...read };
}

/** The lines entered in the node for one item (Lines Source: Define Below). */
export function skuLinesOfItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	lines: SkuLines,
): IDataObject[] {
	return definedLines(ctx, itemIndex, (entry, where) => {
		const raw: IDataObject = { spec_no: entry.specNo, num: entry.num };
		for (const [wdt, { value }] of Object.entries(lines.optional)) raw[wdt] = entry[value];
		return skuLine(ctx, itemIndex, where, lines, raw);
	});
}

/** One line per input row (Lines Source: From Input Items), read from the columns named. */
export function skuLinesOfRows(
	ctx: IExecuteFunctions,
	itemIndices: number[],
	lines: SkuLines,
): IDataObject[] {
	const items = ctx.getInputData();
	return itemIndices.map((i) => {
		const column = (name: string) => text(ctx.getNodeParameter(name, i, ''));
		const raw: IDataObject = {
			spec_no: columnValue(ctx, items, i, column('specNoColumn'), 'SKU Code Column') as string,
			num: columnValue(ctx, items, i, column('numColumn'), 'Quantity Column') as number,
		};
		for (const [wdt, { label, column: name }] of Object.entries(lines.optional))
			if (column(name))
				raw[wdt] = columnValue(ctx, items, i, column(name), `${label} Column`) as string;
		return skuLine(ctx, i, '', lines, raw);
	});
}
