/**
 * protocol/time.ts's reading of every form WDT sends a time in: CST text, a date alone, unix
 * milliseconds and seconds, as numbers and as numeric strings; anything else is no time
 * (undefined), never a guess. The trigger's rowChangeTime turns "no time" into a clear error.
 */
import { describe, expect, it } from 'vitest';

import {
	readWdtTime,
	wdtTimeText,
	wdtTimeToIso,
	withIsoTimes,
} from '../../nodes/shared/protocol/index.ts';
import { newEvents, rowChangeTime } from '../../nodes/WdtTrigger/cursor.ts';

/** 2023-06-14 11:13:00 CST, the refund search page's own example (1686712380000). */
const MS = 1686712380000;
const TEXT = '2023-06-14 11:13:00';
const ISO = '2023-06-14T11:13:00+08:00';

describe('readWdtTime, wdtTimeText and wdtTimeToIso', () => {
	it.each([
		['CST text', TEXT, 'text'],
		['CST text with T', '2023-06-14T11:13:00', 'text'],
		['milliseconds', MS, 'ms'],
		['milliseconds as text', String(MS), 'ms'],
		['seconds', MS / 1000, 'seconds'],
		['seconds as text', ` ${MS / 1000} `, 'seconds'],
	])('%s', (_, value, form) => {
		expect(readWdtTime(value)).toEqual({ ms: MS, form });
		expect(wdtTimeText(value)).toBe(TEXT);
		expect(wdtTimeToIso(value)).toBe(ISO);
	});

	it('reads a date alone as midnight CST', () => {
		expect(wdtTimeText('2023-06-14')).toBe('2023-06-14 00:00:00');
		expect(wdtTimeToIso('2023-06-14')).toBe('2023-06-14T00:00:00+08:00');
	});

	it('keeps a millisecond fraction in _iso; the cursor form has whole seconds', () => {
		expect(wdtTimeToIso(MS + 250)).toBe('2023-06-14T11:13:00.250+08:00');
		expect(wdtTimeText(MS + 250)).toBe(TEXT);
	});

	it.each([
		['empty', ''],
		['zero', 0],
		['a negative number', -MS],
		['other text', 'soon'],
		['an impossible date', '2024-02-31 00:00:00'],
		['too few digits', '12345'],
		['too many digits', '16867123800000'],
		['a decimal string', '1686712380.5'],
		['null', null],
		['a boolean', true],
		['NaN', Number.NaN],
	])('%s is no time', (_, value) => {
		expect(readWdtTime(value)).toBeUndefined();
		expect(wdtTimeText(value)).toBeUndefined();
		expect(wdtTimeToIso(value)).toBeUndefined();
	});

	it('withIsoTimes adds _iso for each form and none for what is no time or no time name; values stay as sent', () => {
		expect(
			withIsoTimes({ a_time: MS, b_time: String(MS / 1000), c_date: TEXT, d_time: '', e: TEXT }),
		).toEqual({
			a_time: MS,
			a_time_iso: ISO,
			b_time: String(MS / 1000),
			b_time_iso: ISO,
			c_date: TEXT,
			c_date_iso: ISO,
			d_time: '',
			e: TEXT,
		});
	});
});

describe("the trigger's change times", () => {
	const identity = {
		key: (row: { id: number }) => String(row.id),
		modified: (row: { id: number; modified: unknown }) =>
			rowChangeTime(row.modified, `refund ${row.id}`),
	};

	it('compares every form as the instant it is: a millisecond row after the cursor is emitted, one before is not', () => {
		const state = { since: '2023-06-14 11:00:00', emitted: {} };
		const rows = [
			{ id: 1, modified: MS },
			{ id: 2, modified: String((MS - 3600_000) / 1000) },
			{ id: 3, modified: '2023-06-14 11:05:00' },
		];
		const { events, emitted } = newEvents(state, rows, identity, 'everyChange');
		expect(events.map((row) => row.id)).toEqual([3, 1]);
		expect(emitted).toEqual({ '1': TEXT, '3': '2023-06-14 11:05:00' });
	});

	it('a change time that is no time is an error naming the record, not a skip', () => {
		expect(() => rowChangeTime('soon', 'refund 7')).toThrow(
			'WDT sent refund 7 with a change time that is not a time: "soon"',
		);
	});
});
