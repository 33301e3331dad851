import { describe, expect, it } from 'vitest';

import { orderNumberKey, readUserDateTime } from '../../nodes/shared/protocol/index.ts';
import { purchaseApplyOutcomes } from '../../nodes/Wdt/actions/purchaseApply/statusChangeReply.ts';
import {
	characterCount,
	lengthProblem,
	parseQuantity,
	unstorableCharacterProblem,
} from '../../nodes/shared/protocol/validate.ts';

describe('characters WDT can store', () => {
	it.each([
		['plain Chinese and ASCII', '加急 采购 PO-1/2 (备注)：好', undefined],
		['tab and new lines', 'a\tb\nc\r\n', undefined],
		['© ® ™ ☺ (text symbols, stored fine)', '© ® ™ ☺', undefined],
		['an emoji above U+FFFF', 'ok 😀', /"😀" \(U\+1F600\) at character 4/],
		['a rare CJK character above U+FFFF', '𠀀', /U\+20000/],
		['an emoji in the BMP', 'done ✅', /"✅" \(U\+2705\)/],
		['a variation selector', '☺\ufe0f', /U\+FE0F at character 2/],
		['a zero-width joiner', 'a\u200db', /U\+200D/],
		['a control character', 'a\u0000b', /U\+0000/],
		['a C1 control character', 'a\u0085b', /U\+0085/],
		['an unpaired surrogate', 'a\ud800b', /U\+D800/],
		['U+FFFF', '\uffff', /U\+FFFF/],
	])('%s', (_what, text, problem) => {
		const found = unstorableCharacterProblem(text);
		if (problem === undefined) expect(found).toBeUndefined();
		else expect(found).toMatch(problem);
	});
});

describe('length as WDT counts it (characters)', () => {
	it('counts code points, not UTF-16 units or bytes', () => {
		expect(characterCount('备'.repeat(255))).toBe(255);
		expect(characterCount('😀')).toBe(1);
		expect(lengthProblem('备'.repeat(255), 255)).toBeUndefined();
		expect(lengthProblem('备'.repeat(256), 255)).toBe(
			'is 256 characters long; WDT allows at most 255',
		);
	});
});

describe('quantities', () => {
	it.each([
		[5, 5],
		['5', 5],
		[' 12 ', 12],
		['5.0', 5],
		['2.0000', 2],
		[2_147_483_647, 2_147_483_647],
	])('%j → %i', (value, quantity) => expect(parseQuantity(value)).toEqual({ quantity }));

	it.each([
		['0x10'],
		['1e3'],
		['1.5'],
		['+5'],
		['-5'],
		['1,000'],
		['５'],
		[''],
		[[5]],
		[true],
		[null],
		[undefined],
		[1.5],
		[Number.NaN],
		[Infinity],
	])('%j is refused', (value) =>
		expect(parseQuantity(value)).toEqual({
			problem: expect.stringMatching(/^must be a positive whole number written plainly/),
		}),
	);

	it.each([[0], ['0'], [-3], [2_147_483_648], ['99999999999']])('%j is out of range', (value) =>
		expect(parseQuantity(value)).toEqual({
			problem: expect.stringMatching(/^must be at (least|most)/),
		}),
	);
});

describe('dates a user gives', () => {
	it.each([
		['2024-02-29', Date.UTC(2024, 1, 28, 16)],
		['2024-02-29T08:00', Date.UTC(2024, 1, 29)],
		['2024-02-29 08:00:00', Date.UTC(2024, 1, 29)],
		['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
		['2024-02-29T08:00:00.500+08:00', Date.UTC(2024, 1, 29, 0, 0, 0, 500)],
		['2024-02-29T03:00:00-0500', Date.UTC(2024, 1, 29, 8)],
	])('%s is read', (text, ms) => expect(readUserDateTime(text, 'Asia/Shanghai')).toEqual({ ms }));

	it.each([
		['2024-02-30', /day 30, but February 2024 has 29 days/],
		['2023-02-29', /February 2023 has 28 days/],
		['2024-04-31', /April 2024 has 30 days/],
		['2024-00-10', /month 0/],
		['2024-13-45T25:61', /month 13/],
		['2024-01-01T24:00', /is not a time: .* has 24:00:00/],
		['2024-01-01T23:60', /23:60:00/],
		['2024-01-01T23:59:60', /23:59:60/],
		['2024-01-01T10:00+15:00', /offset \+15:00/],
		['next week 2', /is not a date: "next week 2"; use yyyy-MM-dd/],
		['2024/02/01', /use yyyy-MM-dd/],
		['1 2', /use yyyy-MM-dd/],
	])('%s is refused', (text, problem) =>
		expect(readUserDateTime(text, 'UTC')).toEqual({ problem: expect.stringMatching(problem) }),
	);
});

describe('order numbers as WDT compares them', () => {
	it('ignores case and surrounding spaces', () => {
		expect(orderNumberKey(' poa1 ')).toBe(orderNumberKey('POA1'));
	});

	it('a failure list with the same number twice does not explain a total of 2', () => {
		const failure = { order_no: 'A1', error: 'x', error_code: 0 };
		const outcomes = purchaseApplyOutcomes(['A1', 'A2'], { total: 2, data: [failure, failure] });
		expect(outcomes.map((o) => o.outcome)).toEqual(['failed', 'unknown']);
	});

	it('total given as digits is read as a count', () => {
		const outcomes = purchaseApplyOutcomes(['A1'], { total: '0', data: [] });
		expect(outcomes.map((o) => o.outcome)).toEqual(['succeeded']);
	});
});
