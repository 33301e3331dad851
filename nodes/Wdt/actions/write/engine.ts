import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chunk, orderNumberKey } from '../../../shared/protocol';
import { invalidInput } from '../parameters';
import { readBatchSize } from './inputFields';
import { executionNumbering } from './numbering';
import { writeOutput, type OutputEntry } from './report';
import { type Batch, type Keyed, sendBatches } from './send';
import type { Planned, WriteOutcome, WriteSpec } from './spec';

/**
 * Runs one write operation from its spec: input items → documents (spec.plan), every document
 * checked before the first call (same keys, checkAll), unnumbered ones numbered, batches sent
 * once each (sendBatches), one output item per planned entry (writeOutput).
 */
export async function runWrite<Doc>(
	ctx: IExecuteFunctions,
	spec: WriteSpec<Doc>,
): Promise<INodeExecutionData[]> {
	const planned = spec.plan(ctx);
	if (spec.sameKey !== 'merge') refuseRepeatedKeys(ctx, spec, planned, spec.sameKey);
	spec.checkAll?.(ctx, planned);
	if (spec.numbering?.enabled(ctx)) {
		const numbered = executionNumbering(ctx);
		planned.forEach((entry, at) => {
			if ('doc' in entry && !spec.numbering?.numbered(entry.doc))
				spec.numbering?.number(entry.doc, numbered(at + 1));
		});
	}

	/** Every planned document with its key; documents of one key are sent once. */
	const keyed = planned.map((entry) =>
		'doc' in entry
			? { ...entry, key: spec.key(entry.doc) || `item ${entry.itemIndices[0] + 1}` }
			: entry,
	);
	const toSend = new Map<string, Keyed<Doc>>();
	for (const entry of keyed)
		if ('doc' in entry && !toSend.has(orderNumberKey(entry.key)))
			toSend.set(orderNumberKey(entry.key), entry);
	const outcomes = await sendBatches(ctx, spec, batchesOf(ctx, spec, [...toSend.values()]));

	/** The outcome of one document as its entry spelled the key (merged entries share it). */
	const outcomeOf = (key: string): WriteOutcome => {
		const outcome = outcomes.get(orderNumberKey(key)) as WriteOutcome;
		if (outcome.order_no === key) return outcome;
		return { wdt_order_no: outcome.order_no, ...outcome, order_no: key };
	};
	const entries = keyed.map(({ itemIndices, ...entry }): OutputEntry => {
		if (!('doc' in entry)) return { itemIndices, invalid: entry.error, json: entry.json };
		const outcome = outcomeOf(entry.key);
		return { itemIndices, outcome, json: spec.output?.(entry.doc, outcome) };
	});
	return writeOutput(ctx, spec.words, entries, [...outcomes.values()]);
}

/** Documents in calls: per group (spec.batch.by), at most the batch size each. */
function batchesOf<Doc>(
	ctx: IExecuteFunctions,
	spec: WriteSpec<Doc>,
	docs: Array<Keyed<Doc>>,
): Array<Batch<Doc>> {
	const size = spec.batch.option
		? Math.min(spec.batch.limit, readBatchSize(ctx))
		: spec.batch.limit;
	const groups = new Map<string, Array<Keyed<Doc>>>();
	for (const entry of docs) {
		const group = spec.batch.by?.(entry.doc) ?? '';
		const members = groups.get(group);
		if (members) members.push(entry);
		else groups.set(group, [entry]);
	}
	const weight = spec.batch.weight;
	return [...groups].flatMap(([group, members]) =>
		(weight ? packByWeight(members, size, (entry) => weight(entry.doc)) : chunk(members, size)).map(
			(batch) => ({ docs: batch, group }),
		),
	);
}

/**
 * Members into the fewest bins of at most `size` weight that first fit decreasing finds (a member
 * heavier than `size` alone); each bin keeps the members' order, the bins their first member's.
 */
function packByWeight<T>(members: T[], size: number, weightOf: (member: T) => number): T[][] {
	const bins: Array<{ load: number; at: number[] }> = [];
	const order = members.map((member, at) => ({ at, weight: weightOf(member) }));
	for (const { at, weight } of [...order].sort((a, b) => b.weight - a.weight || a.at - b.at)) {
		const bin = bins.find((open) => open.load + weight <= size);
		if (bin) {
			bin.load += weight;
			bin.at.push(at);
		} else bins.push({ load: weight, at: [at] });
	}
	return bins
		.map((bin) => bin.at.sort((a, b) => a - b))
		.sort((a, b) => a[0] - b[0])
		.map((at) => at.map((index) => members[index]));
}

/** A key used by two documents stops the node before any call, naming both items. */
function refuseRepeatedKeys<Doc>(
	ctx: IExecuteFunctions,
	spec: WriteSpec<Doc>,
	planned: Array<Planned<Doc>>,
	{ refuse: field, why }: { refuse: string; why?: string },
): void {
	const firstItem = new Map<string, number>();
	for (const entry of planned) {
		if (!('doc' in entry)) continue;
		const key = spec.key(entry.doc);
		if (!key) continue;
		const earlier = firstItem.get(orderNumberKey(key));
		if (earlier !== undefined)
			throw invalidInput(
				ctx,
				entry.itemIndices[0],
				field,
				`"${key}" is also used by item ${earlier + 1}; ${why ?? `each ${spec.words.one} needs its own number`}.`,
			);
		firstItem.set(orderNumberKey(key), entry.itemIndices[0]);
	}
}
