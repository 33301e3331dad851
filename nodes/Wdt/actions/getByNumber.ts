/**
 * The one Get: a record looked up by one of its numbers, at any time (no time range), on the
 * read pipeline. Nothing found is an error naming the number (an error item with Continue On
 * Fail), as n8n's Get operations do.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readRecords, type ReadQuery, type RecordRead } from '../../shared/read';
import { fieldLength } from '../../shared/records';
import { runPerItem } from './perItem';
import { outputOf } from './readOperation';
import { readParallelRequests } from './readOptions';
import {
	noticeField,
	operationFields,
	outputModeField,
	readOptionsField,
	readOutputAsLines,
	readRequiredText,
} from './shared.fields';

/** One number a record is looked up by. */
export interface LookUpBy {
	/** The value of the Look Up By option (and the number's label in messages). */
	value: string;
	name: string;
	description: string;
	/** The WDT field the number is sent as; its length is the catalog's. */
	wdtField: string;
	/** Where WDT may match loosely: the parameters to send and a check of each record returned. */
	exact?: (number: string) => Pick<ReadQuery, 'params' | 'keep'>;
}

export interface GetByNumber {
	resource: string;
	read: RecordRead;
	/** The numbers; with one, no Look Up By field is shown. */
	by: readonly [LookUpBy, ...LookUpBy[]];
	/** The selector's and the number's parameter names, as saved workflows hold them. */
	parameters?: { by?: string; number?: string };
	/** The number field's words. */
	number: { displayName?: string; placeholder: string; description?: string };
	/** Why WDT may not find a number that exists (said with the error). */
	notFoundReason?: string;
	/** Fields before Output (e.g. Filters), and the Options collection's entries (false: none). */
	fields?: INodeProperties[];
	options?: INodeProperties[] | false;
	/** Parameters sent besides the number (e.g. every status). */
	params?: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject;
	/** The method to read from, when the user may choose (e.g. the order history). */
	method?: (ctx: IExecuteFunctions, itemIndex: number) => string;
}

const DEFAULT_NUMBER_LENGTH = 40;

/** The Get operation's description and execute. */
export function getByNumber(spec: GetByNumber) {
	const { record } = spec.read;
	const byName = spec.parameters?.by ?? 'lookUpBy';
	const numberName = spec.parameters?.number ?? 'number';
	const [first] = spec.by;
	const defaultBy = first.value;
	const properties: INodeProperties[] = [
		...(record.privacyNotice
			? [noticeField(`${spec.resource}GetPrivacyNotice`, record.privacyNotice)]
			: []),
		...(spec.by.length > 1
			? [
					{
						displayName: 'Look Up By',
						name: byName,
						type: 'options',
						default: defaultBy,
						options: spec.by.map(({ name, value, description }) => ({ name, value, description })),
					} satisfies INodeProperties,
				]
			: []),
		{
			displayName: spec.number.displayName ?? 'Number',
			name: numberName,
			type: 'string',
			default: '',
			required: true,
			placeholder: spec.number.placeholder,
			description:
				spec.number.description ??
				'The number to look up, at any time (no time range needed). Nothing found: an error naming the number.',
		},
		...(spec.fields ?? []),
		...(record.lines ? [outputModeField(outputOf(record))] : []),
		...(spec.options === false ? [] : [readOptionsField(spec.options ?? [])]),
	];

	function lookUp(ctx: IExecuteFunctions, itemIndex: number) {
		const chosen = String(ctx.getNodeParameter(byName, itemIndex, first.value));
		const by = spec.by.find((entry) => entry.value === chosen) ?? first;
		const label = spec.by.length > 1 ? `${by.name} (${numberName})` : `${by.name} (${by.wdtField})`;
		const maxLength = fieldLength(spec.method?.(ctx, itemIndex) ?? record.method, by.wdtField);
		const number = readRequiredText(
			ctx,
			itemIndex,
			numberName,
			label,
			maxLength ?? DEFAULT_NUMBER_LENGTH,
		);
		const exact = by.exact?.(number);
		const query: ReadQuery = {
			...(spec.method ? { method: spec.method(ctx, itemIndex) } : {}),
			params: { ...(exact?.params ?? { [by.wdtField]: number }), ...spec.params?.(ctx, itemIndex) },
			...(exact?.keep ? { keep: exact.keep } : {}),
			asLines: readOutputAsLines(ctx, itemIndex),
			parallel: readParallelRequests(ctx, itemIndex),
		};
		return {
			query,
			notFound: `No ${record.noun} with ${by.name.toLowerCase()} ${number} was found`,
		};
	}

	return {
		description: operationFields(spec.resource, 'get', properties),
		async execute(this: IExecuteFunctions) {
			return await runPerItem(
				this,
				(i) => lookUp(this, i),
				async ({ query, notFound }, i) => {
					const records = await readRecords.call(this, spec.read, query);
					if (records.length === 0)
						throw new NodeOperationError(this.getNode(), notFound, {
							itemIndex: i,
							...(spec.notFoundReason ? { description: spec.notFoundReason } : {}),
						});
					return records;
				},
			);
		},
	};
}
