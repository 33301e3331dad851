import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { locateRecords, WDT_MAX_PAGE_SIZE, type WdtResponse } from '../../../shared/protocol';
import { callWdt, toNodeError } from '../../../shared/transport';
import { getCatalogMethod } from '../../../shared/catalog';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { invalidInput } from '../parameters';

const show = { resource: ['custom'], operation: ['call'] };

/** Its entry in the Custom resource's Operation field. */
export const option = {
	name: 'Call Any Method',
	value: 'call',
	action: 'Call any API method',
	description: 'Call any WDT API method with JSON arguments',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		description:
			'The WDT method to call, e.g. system.Core.now (get the server time). Search the list by English name, Chinese name or method name.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchMethods', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. wms.stockout.Sales.queryWithDetail',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[A-Za-z][\\w]*(\\.[A-Za-z][\\w]*)+$',
							errorMessage: 'A method name looks like wms.stockout.Sales.searchCancel',
						},
					},
				],
			},
		],
	},
	{
		displayName: 'Arguments (JSON)',
		name: 'arguments',
		type: 'json',
		default: '[{}]',
		displayOptions: { show },
		description:
			'The positional arguments as a JSON array, as on the method page: e.g. [{"start_time":"2024-01-01 00:00:00","end_time":"2024-01-01 01:00:00"}] or [["NO1","NO2"]]. Use [] for none.',
	},
	{
		displayName: 'Paged Query',
		name: 'paged',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description: 'Whether the method is a paged query (its page lists page_size and page_no)',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: true,
		displayOptions: { show: { ...show, paged: [true] } },
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Include Other Lists',
		name: 'includeOtherLists',
		type: 'boolean',
		default: false,
		displayOptions: { show: { ...show, paged: [true] } },
		description:
			"Whether to output, after the records, the entries of the other lists some replies hold beside them (e.g. summary_data, error_date), one item per entry, its wdt_list field naming the list. Off: only the records, one item each (the method's record list as its page documents it).",
	},
	{
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: WDT_MAX_PAGE_SIZE },
		default: WDT_MAX_PAGE_SIZE,
		displayOptions: { show: { ...show, paged: [true] } },
		description: `Records per page (page_size), at most ${WDT_MAX_PAGE_SIZE}`,
	},
	{
		displayName: 'Page Number',
		name: 'pageNo',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		displayOptions: { show: { ...show, paged: [true], returnAll: [false] } },
		description: 'Which page to read (page_no), counting from 0',
	},
];

/**
 * Marks entries of a list beside the records (e.g. batchCalcStock's error_date, the refund
 * query's summary_data): with Include Other Lists they are output after the records.
 */
export const OTHER_LIST_FIELD = 'wdt_list';

function otherListItems(otherLists: Record<string, unknown[]>, itemIndex: number) {
	return Object.entries(otherLists).flatMap(([name, entries]) =>
		entries.map((entry) => ({
			json: (entry && typeof entry === 'object' && !Array.isArray(entry)
				? { [OTHER_LIST_FIELD]: name, ...entry }
				: { [OTHER_LIST_FIELD]: name, value: entry }) as IDataObject,
			pairedItem: { item: itemIndex },
		})),
	);
}

/** Reads are retried on rate limits and faults; anything that may write is sent once. */
export function looksReadOnly(method: string): boolean {
	const action = method.split('.').pop() ?? '';
	return method === 'system.Core.now' || /^(search|query|get)/i.test(action);
}

function parseArguments(ctx: IExecuteFunctions, itemIndex: number): unknown[] {
	const raw = ctx.getNodeParameter('arguments', itemIndex, '[]') as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return [];
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw invalidInput(
				ctx,
				itemIndex,
				'Arguments (arguments)',
				`are not valid JSON (${(error as Error).message}).`,
			);
		}
	}
	if (!Array.isArray(value)) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Arguments (arguments)',
			'must be a JSON array of positional arguments, e.g. [{"key":"value"}] (wrap a single object in [ ]).',
		);
	}
	return value;
}

function readMethod(ctx: IExecuteFunctions, itemIndex: number): string {
	const method = String(
		ctx.getNodeParameter('method', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!/^[A-Za-z]\w*(\.[A-Za-z]\w*)+$/.test(method)) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Method (method)',
			method
				? `"${method}" is not a WDT method name (like wms.stockout.Sales.searchCancel).`
				: 'is empty: pick a method.',
		);
	}
	return method;
}

function envelope(response: WdtResponse): IDataObject {
	const { status, message, data, ...rest } = response;
	return {
		status,
		...(message !== undefined ? { message } : {}),
		data: data as IDataObject,
		...(rest as IDataObject),
	};
}

/** Calls any WDT method with JSON arguments; paged queries can return every record as an item. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const calls: Array<{ method: string; args: unknown[] } | NodeApiError | NodeOperationError> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			calls.push({
				method: readMethod(this, i),
				args: parseArguments(this, i),
			});
		} catch (error) {
			const problem = toNodeError(this.getNode(), error, { itemIndex: i });
			if (!this.continueOnFail()) throw problem;
			calls.push(problem);
		}
	}
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const call = calls[i];
		if (call instanceof NodeOperationError || call instanceof NodeApiError) {
			output.push({
				json: { error: call.message },
				error: call,
				pairedItem: { item: i },
			});
			continue;
		}
		const policy = { write: getCatalogMethod(call.method)?.write ?? !looksReadOnly(call.method) };
		try {
			if (!this.getNodeParameter('paged', i, false)) {
				const response = await callWdt.call(this, call, policy);
				output.push({ json: envelope(response), pairedItem: { item: i } });
				continue;
			}
			const pageSize = Math.min(
				WDT_MAX_PAGE_SIZE,
				this.getNodeParameter('pageSize', i, WDT_MAX_PAGE_SIZE) as number,
			);
			// Where the method's doc page puts its records; unknown methods: found in the reply.
			const { listPath, totalPath, totalBesideData, pageNoStart, order } = catalogPaging(
				call.method,
			);
			const location = { listPath, totalPath, totalBesideData };
			const withOtherLists = this.getNodeParameter('includeOtherLists', i, false) === true;
			if (this.getNodeParameter('returnAll', i, true)) {
				// Records are deduplicated by their whole JSON: a total that changes while paging
				// makes the engine read pages again.
				const result = await searchWindows.call(this, {
					method: call.method,
					args: () => call.args,
					pageSize,
					pageNoStart,
					order,
					...location,
					policy,
				});
				for (const record of result.records)
					output.push({ json: record as IDataObject, pairedItem: { item: i } });
				if (withOtherLists) output.push(...otherListItems(result.otherLists, i));
				continue;
			}
			const pageNo = this.getNodeParameter('pageNo', i, 0) as number;
			const response = await callWdt.call(
				this,
				{ ...call, pager: { pageSize, pageNo, calcTotal: true } },
				policy,
			);
			const page = locateRecords(call.method, response.data, location, response);
			for (const record of page.list)
				output.push({ json: record as IDataObject, pairedItem: { item: i } });
			if (withOtherLists) output.push(...otherListItems(page.otherLists, i));
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, { itemIndex: i });
			if (!this.continueOnFail()) throw nodeError;
			output.push({
				json: { error: nodeError.message },
				error: nodeError,
				pairedItem: { item: i },
			});
		}
	}
	return output;
}
