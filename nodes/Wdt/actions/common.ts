import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readUserDateTime } from '../../shared/protocol';
import { toNodeError } from '../../shared/transport';

/** The Operation field of one resource: its operations, shown when that resource is chosen. */
export function operationSelector(
	resource: string,
	defaultOperation: string,
	options: INodePropertyOptions[],
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: defaultOperation,
		options,
	};
}

/** An options field's choices as value → name. */
const namesOf = (property: INodeProperties | undefined) =>
	Object.fromEntries(
		((property?.options ?? []) as INodePropertyOptions[]).map((option) => [
			option.value,
			option.name,
		]),
	);

/**
 * The node's `={{ … }}` subtitle, "Resource: Operation", derived from the Resource field's options
 * and each resource's Operation field; Call Any Method shows the method it calls.
 */
export function resourceOperationSubtitle(properties: INodeProperties[]): string {
	const resources = namesOf(properties.find((property) => property.name === 'resource'));
	const operations = Object.fromEntries(
		properties
			.filter((property) => property.name === 'operation')
			.map((property) => [String(property.displayOptions?.show?.resource?.[0]), namesOf(property)]),
	);
	const operation = `(${JSON.stringify(operations)}[$parameter["resource"]] || {})[$parameter["operation"]]`;
	return `={{ ${JSON.stringify(resources)}[$parameter["resource"]] + ": " + ($parameter["resource"] === "custom" ? $parameter["method"].value : ${operation}) }}`;
}

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

/**
 * Read-style operations, one query per item: every item is checked by `prepare` before the
 * first call, then `run` fetches its records, each output item paired with its input item.
 * With Continue On Fail, a bad or failed item becomes an error item and the others go on.
 */
export async function runPerItem<Prepared>(
	ctx: IExecuteFunctions,
	prepare: (itemIndex: number) => Prepared,
	run: (prepared: Prepared, itemIndex: number) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const prepared: Array<{ ok: Prepared } | { error: NodeApiError | NodeOperationError }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			prepared.push({ ok: prepare(i) });
		} catch (error) {
			const problem = toNodeError(ctx.getNode(), error, { itemIndex: i });
			if (!ctx.continueOnFail()) throw problem;
			prepared.push({ error: problem });
		}
	}
	const output: INodeExecutionData[] = [];
	const errorItem = (error: NodeApiError | NodeOperationError, item: number) =>
		output.push({ json: { error: error.message }, error, pairedItem: { item } });
	for (let i = 0; i < items.length; i++) {
		const entry = prepared[i];
		if ('error' in entry) {
			errorItem(entry.error, i);
			continue;
		}
		try {
			for (const json of await run(entry.ok, i)) output.push({ json, pairedItem: { item: i } });
		} catch (error) {
			const problem = toNodeError(ctx.getNode(), error, { itemIndex: i });
			if (!ctx.continueOnFail()) throw problem;
			errorItem(problem, i);
		}
	}
	return output;
}
