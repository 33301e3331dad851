/**
 * SKU lines (a SKU code, a whole quantity and optional texts) of the creates that take them:
 * from the Lines collection of one item (skuLinesField) or one per input row (columnFields).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CatalogParam } from '../../../shared/catalog/types';
import { locatorCode } from '../../../shared/lists/locators';
import { parseQuantity } from '../../../shared/protocol/validate';
import { invalidInput } from '../common';
import { columnValue, definedLines } from './documents';
import { checkedFields, text } from './values';

export interface SkuLines {
	/** The documented fields of one line, e.g. documentedFields(method, ['order_details']). */
	fields(): ReadonlyMap<string, CatalogParam>;
	/**
	 * The optional texts of a line, by WDT name: its label in messages, its value's name in the
	 * Lines collection and the parameter naming its column with input rows.
	 */
	optional: Record<string, { label: string; value: string; column: string }>;
}

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
	for (const [wdt, { label }] of Object.entries(lines.optional)) {
		// A dropdown ({ mode, value }) gives its code; text stays text.
		texts[wdt] = typeof raw[wdt] === 'object' ? locatorCode(raw[wdt]) : raw[wdt];
		labels[wdt] = label;
	}
	const line = checkedFields(ctx, itemIndex, where, lines.fields(), texts, ['spec_no'], labels);
	return { spec_no: line.spec_no, num: quantity.quantity, ...line };
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
