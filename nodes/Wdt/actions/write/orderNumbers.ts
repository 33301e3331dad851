/**
 * Writes that take a list of order numbers (cancel, stop): the Order Numbers field, each item's
 * numbers read and checked, and the spec that sends each distinct number once.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	type OrderOutcome,
	orderNumberKey,
	parseOrderNumbers,
	type WdtResponse,
} from '../../../shared/protocol';
import { lengthProblem, unstorableCharacterProblem } from '../../../shared/protocol/validate';
import { parameterReader } from '../parameters';
import { planEachItem } from './documents';
import { batchOptionsField, MAX_BATCH_SIZE, orderNumbersField } from './inputFields';
import type { Planned, WriteSpec, WriteWords } from './spec';

/** Order numbers are at most 40 characters on WDT's pages (e.g. other_out_no, 长度 40). */
const MAX_ORDER_NUMBER_LENGTH = 40;

/** A number-list write: its words, method, the field upstream operations output for the number, the reply's reader. */
export interface OrderNumbersWrite {
	method: string;
	words: WriteWords;
	/** The field upstream operations output for this number, e.g. purchase_apply_no. */
	mappedField: string;
	/** An example number, for the field's placeholder. */
	example: string;
	/** One outcome per number sent, in order, from WDT's reply. */
	outcomes(sent: string[], response: WdtResponse): OrderOutcome[];
}

/** The fields of a number-list write: Order Numbers and Options → Batch Size. */
export function orderNumbersFields(write: OrderNumbersWrite): INodeProperties[] {
	return [
		orderNumbersField(write.words.one, write.example, write.mappedField),
		batchOptionsField(),
	];
}

/** The numbers of one item, deduplicated as WDT compares them, or what is wrong with them. */
function readItemNumbers(
	value: unknown,
	write: OrderNumbersWrite,
): { numbers: string[] } | { problem: string } {
	const parsed = parseOrderNumbers(value);
	if ('problem' in parsed) return { problem: `: ${parsed.problem}.` };
	if (parsed.numbers.length === 0)
		return {
			problem: ` is empty. Map the field that holds the ${write.words.one} number, e.g. {{ $json.${write.mappedField} }}.`,
		};
	for (const number of parsed.numbers) {
		const problem =
			unstorableCharacterProblem(number) ?? lengthProblem(number, MAX_ORDER_NUMBER_LENGTH);
		if (problem) return { problem: `: "${[...number].slice(0, 50).join('')}" ${problem}.` };
	}
	const byKey = new Map<string, string>();
	for (const number of parsed.numbers)
		if (!byKey.has(orderNumberKey(number))) byKey.set(orderNumberKey(number), number);
	return { numbers: [...byKey.values()] };
}

/**
 * The spec of a number-list write: each number of each item is one entry (one output item),
 * numbers from all items are sent once each, in batches of Options → Batch Size.
 */
export function orderNumbersSpec(write: OrderNumbersWrite): WriteSpec<string> {
	return {
		method: write.method,
		words: write.words,
		plan(ctx: IExecuteFunctions) {
			const readNumbers = parameterReader(ctx, ctx.getInputData(), 'orderNumbers');
			const perItem = planEachItem(ctx, (i) => {
				const read = readItemNumbers(readNumbers(i), write);
				if ('problem' in read)
					throw new NodeOperationError(
						ctx.getNode(),
						`Item ${i + 1}: Order Numbers (orderNumbers)${read.problem}`,
						{ itemIndex: i },
					);
				return read.numbers;
			});
			return perItem.flatMap(
				(entry): Array<Planned<string>> =>
					'doc' in entry
						? entry.doc.map((doc) => ({ itemIndices: entry.itemIndices, doc }))
						: [entry],
			);
		},
		key: (orderNo) => orderNo,
		sameKey: 'merge',
		batch: { limit: MAX_BATCH_SIZE, option: true },
		args: (batch) => [batch],
		outcomes: write.outcomes,
	};
}
