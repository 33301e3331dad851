/**
 * Reading the node's parameters per item, and naming a bad one: by item and field, before any
 * call.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readUserDateTime } from '../../shared/protocol';

/**
 * A configuration mistake in one item, named by item and field, raised before any call.
 * Items are numbered from 1, as n8n's UI shows them.
 */
export function invalidInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
) {
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: ${field} ${problem}`, {
		itemIndex,
	});
}

/** `={{ $json.field }}` or `={{ $json["field"] }}`: the mapping users make most. */
const PLAIN_FIELD_EXPRESSION =
	/^=\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(["'])([^"'\\]+)\2\s*\])\s*\}\}$/;

/**
 * Reads a parameter per item (e.g. Order Numbers). n8n's expression engine costs a few hundred µs per item (it
 * builds the whole data proxy each time), which for 10,000 items outweighs the WDT calls. A
 * plain field mapping is read straight from the item instead, after checking on the first and
 * last item that this gives exactly what n8n's evaluation gives; anything else goes through n8n.
 */
export function parameterReader(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	name: string,
): (i: number) => unknown {
	const viaN8n = (i: number) => ctx.getNodeParameter(name, i, '');
	const raw = ctx.getNode().parameters[name];
	const match = typeof raw === 'string' ? PLAIN_FIELD_EXPRESSION.exec(raw) : null;
	if (!match || items.length < 2) return viaN8n;
	const field = match[1] ?? match[3];
	const direct = (i: number) => items[i].json[field];
	const same = (i: number) => JSON.stringify(direct(i) ?? '') === JSON.stringify(viaN8n(i) ?? '');
	return same(0) && same(items.length - 1) ? direct : viaN8n;
}

/** parameterReader for any top-level parameter, made once per name: `(name, item) => value`. */
export function parameterReaders(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
): (name: string, itemIndex: number) => unknown {
	const readers = new Map<string, (i: number) => unknown>();
	return (name, itemIndex) => {
		let reader = readers.get(name);
		if (!reader) readers.set(name, (reader = parameterReader(ctx, items, name)));
		return reader(itemIndex);
	};
}

/** Reads an optional date parameter of one item as unix ms (workflow timezone for wall times). */
export function readDateParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): number | undefined {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === '' || value === null || value === undefined) return undefined;
	const read = readUserDateTime(value, ctx.getTimezone());
	if ('problem' in read) throw invalidInput(ctx, itemIndex, label, `${read.problem}.`);
	return read.ms;
}
