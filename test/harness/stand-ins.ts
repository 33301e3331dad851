/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The example workflows in examples/, made runnable by n8n's WorkflowExecute here.
 *
 * n8n-nodes-base is not installed, so its nodes get stand-ins that do what n8n's own node does
 * with the parameters the examples use (read from n8n-nodes-base 2.39's source):
 * - Split Out (test.splitOut): one field, Include No Other Fields or All Other Fields,
 *   Destination Field Name.
 * - Filter (test.filter): its conditions evaluated by n8n's own filter engine (n8n-workflow's
 *   executeFilter, through getNodeParameter's extractValue, as Filter 2.x does).
 * - Google Sheets (test.sheet, with a FakeSheet): Read (every row, with row_number) and Update
 *   (Map Each Column Below: the first row whose match column equals the value; empty values
 *   written as '', unknown keys skipped; outputs the mapped values).
 * - HTTP Request (test.httpRequest): a real request through n8n-core's helpers with Method,
 *   URL, Send Body (JSON, key-value pairs or JSON text), Timeout and Response → Include
 *   Response Headers and Status / Never Error; with Continue On Fail a failed request becomes
 *   `{ error }`.
 * - Any other n8n-nodes-base node, and Google Sheets without a FakeSheet (test.evaluate):
 *   outputs, per item, its parameters resolved by n8n's expression engine (the row or the email
 *   the example would send).
 * Triggers (manual, schedule, WDT Trigger) become the harness's start node with given items.
 * test/e2e imports the examples into real n8n 1.x and 2.x.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { createEngine, type Engine, type WorkflowJson, type WorkflowNodeJson } from './engine';
import { NO_OP_NODE_TYPE, START_NODE_TYPE, type NodeTypeClass } from './node-types';

export interface ExampleNode extends WorkflowNodeJson {
	credentials?: Record<string, { id: string; name: string }>;
}
export interface Example extends WorkflowJson {
	nodes: ExampleNode[];
}

export const readExample = (file: string): Example =>
	JSON.parse(readFileSync(join(__dirname, '../../examples', file), 'utf8')) as Example;

/** The example's node of this name (its parameters may be changed, as a user sets one up). */
export function exampleNode(example: Example, name: string): ExampleNode {
	const node = example.nodes.find((entry) => entry.name === name);
	if (!node) throw new Error(`the example has no node "${name}"`);
	return node;
}

const EVALUATE = 'test.evaluate';

const standInDescription = (
	name: string,
	properties: INodeTypeDescription['properties'],
): INodeTypeDescription => ({
	displayName: name,
	name,
	group: ['transform'],
	version: 1,
	description: 'Test stand-in for an n8n-nodes-base node',
	defaults: { name },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	properties,
});

const jsonParameters = (...names: string[]): INodeTypeDescription['properties'] =>
	names.map((name) => ({ displayName: name, name, type: 'json', default: '' }));

/** n8n's Split Out of one field: an item per entry, paired to its item. */
class SplitOutStandIn implements INodeType {
	description = standInDescription('test.splitOut', [
		{ displayName: 'Field', name: 'fieldToSplitOut', type: 'string', default: '' },
		{ displayName: 'Include', name: 'include', type: 'string', default: 'noOtherFields' },
		{ displayName: 'Options', name: 'options', type: 'json', default: {} },
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().flatMap((item, index) => {
				const field = this.getNodeParameter('fieldToSplitOut', index) as string;
				const include = this.getNodeParameter('include', index) as string;
				const options = this.getNodeParameter('options', index, {}) as IDataObject;
				const destination = String(options.destinationFieldName ?? '');
				if (include !== 'noOtherFields' && include !== 'allOtherFields')
					throw new Error(
						'the Split Out stand-in knows Include: No Other Fields and All Other Fields',
					);
				const value = item.json[field];
				const entries =
					value === undefined
						? []
						: typeof value !== 'object' || value === null
							? [value]
							: Array.isArray(value)
								? value
								: Object.values(value);
				const { [field]: _split, ...others } = item.json;
				return entries.map((entry) => {
					// An object entry without a destination becomes the item; anything else goes
					// under the destination field (default: the field's own name).
					const own =
						include === 'noOtherFields' &&
						destination === '' &&
						typeof entry === 'object' &&
						entry !== null
							? (entry as IDataObject)
							: { [destination || field]: entry };
					return {
						json: include === 'allOtherFields' ? { ...others, ...own } : own,
						pairedItem: { item: index },
					};
				});
			}),
		];
	}
}

/** n8n's Filter 2.x: keeps the items its conditions pass, evaluated by n8n's filter engine. */
class FilterStandIn implements INodeType {
	description = standInDescription('test.filter', [
		{ displayName: 'Conditions', name: 'conditions', type: 'filter', default: {} },
		{ displayName: 'Options', name: 'options', type: 'json', default: {} },
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().filter(
				(_, index) =>
					this.getNodeParameter('conditions', index, false, { extractValue: true }) === true,
			),
		];
	}
}

/** A Google Sheet: its header row and its data rows, one object per row. */
export class FakeSheet {
	constructor(
		readonly header: string[],
		readonly rows: IDataObject[],
	) {}

	/** The rows as Google Sheets → Read outputs them: row_number (the header is row 1) first. */
	read(): IDataObject[] {
		return this.rows.map((row, index) => ({
			row_number: index + 2,
			...Object.fromEntries(this.header.map((column) => [column, row[column] ?? ''])),
		}));
	}

	/** One column of every row. */
	column(name: string): unknown[] {
		return this.rows.map((row) => row[name] ?? '');
	}
}

/** Google Sheets → Read and → Update (Map Each Column Below) on a FakeSheet. */
function sheetStandIn(sheet: FakeSheet): NodeTypeClass {
	return class SheetStandIn implements INodeType {
		description = standInDescription('test.sheet', [
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'read' },
			...jsonParameters('documentId', 'sheetName', 'columns', 'options'),
		]);

		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const operation = this.getNodeParameter('operation', 0) as string;
			if (operation === 'read')
				return [sheet.read().map((json) => ({ json, pairedItem: { item: 0 } }))];
			if (operation !== 'update')
				throw new Error(`the Google Sheets stand-in knows Read and Update, not ${operation}`);
			const [key] = this.getNodeParameter('columns.matchingColumns', 0, []) as string[];
			if (!key) throw new NodeOperationError(this.getNode(), 'columns.matchingColumns is required');
			const updated: INodeExecutionData[] = [];
			this.getInputData().forEach((_, index) => {
				const values = { ...(this.getNodeParameter('columns.value', index) as IDataObject) };
				// n8n refuses an empty match value; one that resolves to nothing, which n8n would
				// compare as '' with the sheet's empty cells, is refused here too.
				if (values[key] === '' || values[key] === undefined || values[key] === null)
					throw new NodeOperationError(
						this.getNode(),
						"The 'Column to Match On' parameter is required",
					);
				for (const name of Object.keys(values))
					if (values[name] === undefined || values[name] === null) values[name] = '';
				const row = sheet.rows.find((entry) => String(entry[key] ?? '') === String(values[key]));
				if (row)
					for (const name of sheet.header)
						if (name !== key && name in values) row[name] = values[name];
				updated.push({ json: values, pairedItem: { item: index } });
			});
			return [updated];
		}
	};
}

/** HTTP Request 4.x: one real request per item through n8n-core's helpers. */
class HttpRequestStandIn implements INodeType {
	description = standInDescription('test.httpRequest', [
		{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
		{ displayName: 'URL', name: 'url', type: 'string', default: '' },
		{ displayName: 'Send Body', name: 'sendBody', type: 'boolean', default: false },
		{ displayName: 'Body Content Type', name: 'contentType', type: 'string', default: 'json' },
		{ displayName: 'Specify Body', name: 'specifyBody', type: 'string', default: 'keypair' },
		...jsonParameters('bodyParameters', 'jsonBody', 'options'),
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const responseOptions = (index: number) => {
			const options = this.getNodeParameter('options', index, {}) as IDataObject;
			const response = (options.response as IDataObject | undefined)?.response as
				| IDataObject
				| undefined;
			return {
				fullResponse: response?.fullResponse === true,
				neverError: response?.neverError === true,
				timeout: Number(options.timeout ?? 300_000),
			};
		};
		const bodyOf = (index: number): IDataObject | undefined => {
			if (!this.getNodeParameter('sendBody', index)) return undefined;
			if (this.getNodeParameter('contentType', index) !== 'json')
				throw new Error('the HTTP Request stand-in sends JSON bodies only');
			if (this.getNodeParameter('specifyBody', index) === 'keypair') {
				const pairs = this.getNodeParameter('bodyParameters.parameters', index, []) as Array<{
					name: string;
					value: unknown;
				}>;
				return Object.fromEntries(pairs.map(({ name, value }) => [name, value])) as IDataObject;
			}
			const json = this.getNodeParameter('jsonBody', index, '') as unknown;
			return (typeof json === 'string' ? JSON.parse(json) : json) as IDataObject;
		};
		// n8n sends every item's request at once, then reads the replies in item order.
		const replies = await Promise.allSettled(
			items.map(async (_, index) => {
				const { neverError, timeout } = responseOptions(index);
				return (await this.helpers.httpRequest({
					method: this.getNodeParameter('method', index) as IHttpRequestMethods,
					url: this.getNodeParameter('url', index) as string,
					body: bodyOf(index),
					json: true,
					returnFullResponse: true,
					ignoreHttpStatusErrors: neverError,
					timeout,
				})) as IDataObject;
			}),
		);
		return [
			replies.map((reply, index): INodeExecutionData => {
				const pairedItem = { item: index };
				if (reply.status === 'rejected') {
					const reason = reply.reason as Error;
					if (!this.continueOnFail())
						throw new NodeApiError(this.getNode(), reason as unknown as JsonObject, {
							itemIndex: index,
						});
					// n8n puts the request's error itself there.
					return { json: { error: { name: reason.name, message: reason.message } }, pairedItem };
				}
				const { body, headers, statusCode, statusMessage } = reply.value;
				if (responseOptions(index).fullResponse)
					return { json: { body, headers, statusCode, statusMessage }, pairedItem };
				const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
				return { json: isObject ? (body as IDataObject) : { data: body }, pairedItem };
			}),
		];
	}
}

/** Outputs, for each item, the node's parameters resolved by n8n's expression engine. */
function evaluatingStandIn(parameterNames: string[]): NodeTypeClass {
	return class EvaluateStandIn implements INodeType {
		description = standInDescription(EVALUATE, jsonParameters(...parameterNames));

		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return [
				this.getInputData().map((_, index) => ({
					json: Object.fromEntries(
						parameterNames.map((name) => [name, this.getNodeParameter(name, index)]),
					) as IDataObject,
					pairedItem: { item: index },
				})),
			];
		}
	};
}

export interface StandInOptions {
	/** Our node classes the example uses (Wdt, WdtTrigger). */
	nodes: NodeTypeClass[];
	/**
	 * Items emitted in place of these nodes, by name (a WDT Trigger's poll); other triggers
	 * (manual, schedule) emit one empty item.
	 */
	emit?: Record<string, IDataObject[]>;
	/** The sheet Google Sheets nodes read and update; without it they evaluate their parameters. */
	sheet?: FakeSheet;
}

/**
 * The stand-in of each n8n-nodes-base node type (No-Op is the harness's own). Google Sheets gets
 * the FakeSheet's stand-in when there is a sheet; other nodes, test.evaluate.
 */
const STAND_INS: Readonly<Record<string, NodeTypeClass>> = {
	'n8n-nodes-base.splitOut': SplitOutStandIn,
	'n8n-nodes-base.filter': FilterStandIn,
	'n8n-nodes-base.httpRequest': HttpRequestStandIn,
};

/**
 * The example's node as its stand-in, which must know every parameter the node sets: n8n would
 * silently drop the others, and the stand-in would not do what n8n's node does.
 */
function standInNode(node: WorkflowNodeJson, standIn: NodeTypeClass): WorkflowNodeJson {
	const { description } = new standIn() as INodeType;
	const known = new Set(description.properties.map((property) => property.name));
	const unknown = Object.keys(node.parameters ?? {}).filter((name) => !known.has(name));
	if (unknown.length)
		throw new Error(
			`the ${description.name} stand-in does not know ${unknown.join(', ')} of "${node.name}"`,
		);
	return { ...node, type: description.name, typeVersion: 1 };
}

/**
 * The example as the harness runs it: sticky notes go, triggers emit the given items, every
 * n8n-nodes-base node gets its stand-in, and our nodes lose their credential placeholders (the
 * harness gives them the credential of the run).
 */
export function withStandIns(
	example: Example,
	options: StandInOptions,
): { engine: Engine; workflow: WorkflowJson } {
	const sheet = options.sheet && sheetStandIn(options.sheet);
	const nodes: WorkflowNodeJson[] = [];
	const evaluated = new Set<string>();
	for (const node of example.nodes) {
		const { credentials: _credentials, ...rest } = node;
		const emitted = options.emit?.[node.name];
		const standIn = node.type === 'n8n-nodes-base.googleSheets' ? sheet : STAND_INS[node.type];
		if (node.type === 'n8n-nodes-base.stickyNote') continue;
		if (emitted || /^n8n-nodes-base\.\w+Trigger$/.test(node.type)) {
			const items = JSON.stringify(emitted ?? [{}]);
			nodes.push({ name: node.name, type: START_NODE_TYPE, parameters: { items } });
		} else if (standIn) nodes.push(standInNode(rest, standIn));
		else if (node.type.startsWith('n8n-nodes-base.') && node.type !== NO_OP_NODE_TYPE) {
			for (const name of Object.keys(node.parameters ?? {})) evaluated.add(name);
			nodes.push({ ...rest, type: EVALUATE, typeVersion: 1 });
		} else nodes.push(rest);
	}
	const standIns = [...Object.values(STAND_INS), evaluatingStandIn([...evaluated])];
	if (sheet) standIns.push(sheet);
	const engine = createEngine({ nodes: [...options.nodes, ...standIns] });
	return { engine, workflow: { ...example, nodes } };
}
