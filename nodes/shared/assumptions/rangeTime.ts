/**
 * Which of a record's two times a search's range selects by (purchase apply search, refund
 * stock-in's time_type 1): a record whose two times lie apart, searched in a 2-second window
 * around the assumed time, which holds the other time outside. Found tells that the range selects
 * by the assumed time (or by either, which serves the package as well); not found, that it does not.
 * One call a check: the run's budget is small.
 */
import {
	type AssumptionResult,
	type Check,
	couldNotTell,
	days,
	foundAround,
	result,
	type Row,
	type Run,
	type Sample,
	sampleLookBack,
} from './sampling';
import { readAnyTime } from './timeForms';

/** At least this far apart, a record's two times fall in different probe windows. */
const APART_MS = 5000;

export interface RangeTimeProbe {
	method: string;
	/** Params of the search around the assumed time, beside the window. */
	extra: Row;
	sample: Sample;
	/** The record's number field, which the search looks for. */
	keyField: string;
	/** The two time fields, in the order of the details; `assumed` is one of them. */
	fields: [string, string];
	assumed: string;
	/** Why there is nothing to compare when no record's two times lie apart. */
	noRecord: string;
	/** Reading and why for each field. */
	readings: Record<string, { reading: string; why: string }>;
}

export async function probeRangeTime(
	check: Check,
	run: Run,
	probe: RangeTimeProbe,
): Promise<AssumptionResult> {
	const { method, sample, keyField, fields, assumed } = probe;
	const other = fields.find((field) => field !== assumed) as string;
	const row = sample.rows.find((candidate) => {
		const [a, b] = fields.map((field) => readAnyTime(candidate[field]));
		return a !== undefined && b !== undefined && Math.abs(a - b) >= APART_MS;
	});
	if (!row)
		return couldNotTell(check, sample.failure ?? probe.noRecord, {
			method,
			records: sample.rows.length,
		});
	const number = String(row[keyField] ?? '');
	const around = await foundAround(
		run,
		method,
		probe.extra,
		[keyField, number],
		readAnyTime(row[assumed]) as number,
	);
	const details: Row = { method, [keyField]: number };
	for (const field of fields) details[field] = row[field];
	details[`found_in_window_around_${assumed}`] = around.failure ?? around.found;
	if (around.failure) return couldNotTell(check, around.failure, details);
	const { reading, why } = probe.readings[around.found ? assumed : other];
	return result(check, around.found ? 'as assumed' : 'differs', reading, why, details);
}

/**
 * The check that a search's time range filters modified time, for a page that does not say
 * (created or modified); `createdWhy` says what the created reading means for the user.
 */
export const modifiedRangeCheck = (
	label: string,
	noun: string,
	method: string,
	[keyField, createdField]: [string, string],
	affects: string[],
	createdWhy = `Get Many's Modified After/Before then select by creation time, and ${affects[affects.length - 1]} sees a ${noun} only while its creation lies inside the poll's window: read the ones you follow by number.`,
): Check => ({
	assumption: `${label} search's time range filters by modified time`,
	affects,
	async run(run) {
		return await probeRangeTime(this, run, {
			method,
			extra: {},
			sample: await sampleLookBack(run, method),
			keyField,
			fields: [createdField, 'modified'],
			assumed: 'modified',
			noRecord: `No ${noun} in the last ${days(run)} was modified after it was created.`,
			readings: {
				modified: {
					reading: 'the range filters modified time',
					why: 'Get Many and the event see every change.',
				},
				[createdField]: {
					reading: 'the range does not filter modified time (created time, by the other reading)',
					why: createdWhy,
				},
			},
		});
	},
});
