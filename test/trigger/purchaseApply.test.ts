/**
 * The Purchase Apply Status Changed event, run as n8n runs the poll (test/harness runPoll)
 * against the WDT simulator's purchase.PurchaseApply.search with a frozen clock: activation,
 * an event per status change (a new `modified` with the same status is none; a return to an
 * earlier status is one), the remembered statuses in static data, the Statuses filter, paging,
 * lines, status names and ISO times, "Fetch test event", bad options, a rate limit.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';
import { formatCst, type PurchaseApplyStatusName } from '../simulator';
import { HOUR, MINUTE, paramsOf, pollMinutes, stateAt, T0, useTriggerRig } from './support';
import {
	activate,
	pagingAndTestEventTests,
	rateLimitTest,
	type WindowedEventCase,
} from './windowedEvents';

const QUERY = 'purchase.PurchaseApply.search';
const EVENT = 'purchaseApplyStatusChanged';
const DAY = 24 * HOUR;
const rig = useTriggerRig();

const applies = (options: INodeParameters = {}): INodeParameters => ({ event: EVENT, options });
const active = () => stateAt(EVENT, T0 - MINUTE);
const changes = (emitted: IDataObject[]) =>
	emitted.map((json) => `${String(json.purchase_apply_no)}:${String(json.status)}`);

const add = (status: PurchaseApplyStatusName, modifiedMs: number) =>
	rig.sim.addPurchaseApply({ status, modifiedMs }).purchaseApplyNo;
const change = (no: string, status: PurchaseApplyStatusName, modifiedMs: number) =>
	rig.sim.modifyPurchaseApply(no, { status, modifiedMs });
const edit = (no: string, modifiedMs: number) =>
	rig.sim.modifyPurchaseApply(no, { remark: `edited ${modifiedMs}`, modifiedMs });

const applyCase: WindowedEventCase = {
	rig,
	name: 'Purchase Apply Status Changed',
	parameters: applies(),
	method: QUERY,
	add: (modifiedMs) => add('pendingReference', modifiedMs),
	id: (json) => json.purchase_apply_no,
};

describe.each(['n8n1', 'n8n2'] as const)('%s: Purchase Apply Status Changed', (persistence) => {
	rateLimitTest(applyCase, persistence);

	it('emits nothing from before the activation; then each status change once, not an edit that keeps the status, and a return to an earlier status again', async () => {
		add('editing', T0 - 2 * MINUTE);
		const activation = await activate(rig, persistence, applies());

		const created = add('editing', T0 + 10_000);
		const first = await pollMinutes(rig, persistence, activation.staticData, [1, 2], applies());
		expect(changes(first.emitted)).toEqual([`${created}:10`]);

		change(created, 'pendingConfirm', T0 + 3 * MINUTE);
		edit(created, T0 + 3 * MINUTE + 20_000);
		const confirmed = await pollMinutes(rig, persistence, first.staticData, [4, 5], applies());
		edit(created, T0 + 6 * MINUTE);
		const edited = await pollMinutes(rig, persistence, confirmed.staticData, [7, 8], applies());
		change(created, 'editing', T0 + 9 * MINUTE);
		const back = await pollMinutes(rig, persistence, edited.staticData, [10, 11], applies());
		change(created, 'pendingConfirm', T0 + 12 * MINUTE);
		change(created, 'pendingReference', T0 + 12 * MINUTE);
		const sameSecond = await pollMinutes(rig, persistence, back.staticData, [13, 20], applies());

		expect(changes(confirmed.emitted)).toEqual([`${created}:20`]);
		expect(edited.emitted).toEqual([]);
		expect(changes(back.emitted)).toEqual([`${created}:10`]);
		// Two changes within one second: WDT shows the latest, a change of status all the same.
		expect(changes(sameSecond.emitted)).toEqual([`${created}:23`]);
		expect(sameSecond.staticData).toMatchObject({
			emitted: { [created]: formatCst(T0 + 12 * MINUTE) },
			states: { [created]: '23' },
		});
		for (const param of [...first.polls, ...sameSecond.polls].flatMap((poll) =>
			paramsOf(poll, QUERY),
		)) {
			expect(Object.keys(param).sort()).toEqual(['end_time', 'start_time']);
		}
	});
});

describe('Statuses and the remembered statuses', () => {
	it('emits only changes to the chosen statuses, also a return to one after another status', async () => {
		const no = add('editing', T0 + 5_000);
		const parameters = applies({ statuses: ['23'] });
		let state = active();
		const seen: IDataObject[] = [];
		const steps: Array<[PurchaseApplyStatusName | 'edit', number]> = [
			['pendingConfirm', 2],
			['pendingReference', 4],
			['edit', 6],
			['partlyReferenced', 8],
			['pendingReference', 10],
		];
		for (const [step, minute] of steps) {
			if (step === 'edit') edit(no, T0 + minute * MINUTE);
			else change(no, step, T0 + minute * MINUTE);
			const result = await pollMinutes(rig, 'n8n1', state, [minute + 1, minute + 1], parameters);
			seen.push(...result.emitted);
			state = result.staticData;
		}
		expect(changes(seen)).toEqual([`${no}:23`, `${no}:23`]);
		expect(seen.map((json) => json.modified)).toEqual([
			formatCst(T0 + 4 * MINUTE),
			formatCst(T0 + 10 * MINUTE),
		]);
	});

	it('an apply not seen since the activation counts as changed the first time it is seen (its earlier status is unknown)', async () => {
		const old = add('pendingReference', T0 - 3 * DAY);
		edit(old, T0 + 10_000);
		const result = await pollMinutes(rig, 'n8n2', active(), [2, 8], applies());
		expect(changes(result.emitted)).toEqual([`${old}:23`]);
	});

	it('repairs remembered statuses that are not text or belong to no remembered apply', async () => {
		const no = add('pendingConfirm', T0 - MINUTE - 30_000);
		change(no, 'pendingConfirm', T0 + 10_000);
		const state = {
			...active(),
			emitted: { [no]: formatCst(T0 - MINUTE - 30_000) },
			states: { [no]: '20', POA_GONE: '10', [`${no}x`]: 5 },
		};
		rig.setTime(T0 + 2 * MINUTE);
		const result = await rig.poll({ staticData: state, parameters: applies() });
		expect(result.error).toBeUndefined();
		expect(result.emitted).toEqual([]);
		expect(result.warnings.join('\n')).toContain(
			'dropped 2 remembered state(s) without a remembered key',
		);
		expect(result.staticData.states).toEqual({ [no]: '20' });
	});

	it('offers no Emit Again When Changed option: every status change is an event', () => {
		const options = new WdtTrigger().description.properties.find(
			(p) => p.name === 'options' && p.displayOptions?.show?.event?.includes(EVENT),
		)?.options as Array<{ name: string }>;
		expect(options.map((option) => option.name)).toEqual([
			'backfillHours',
			'includeLines',
			'statuses',
		]);
	});

	it('refuses a status WDT does not have, before any call', async () => {
		const result = await rig.poll({
			staticData: active(),
			parameters: applies({ statuses: ['23', '40'] }),
		});
		expect(result.requests).toEqual([]);
		expect(result.error).toMatchObject({
			message: 'Options → Statuses holds 40, which is not a purchase apply status of WDT.',
		});
	});
});

describe('output', () => {
	it('adds status names and ISO times; Include Lines off drops detail_list', async () => {
		const no = rig.sim.addPurchaseApply({
			status: 'pendingReference',
			modifiedMs: T0 + 10_000,
			createdMs: T0 - DAY,
			expectedTimeMs: T0 + 2 * DAY,
		}).purchaseApplyNo;
		const withLines = await pollMinutes(rig, 'n8n1', active(), [2, 2], applies());
		const [item] = withLines.emitted;
		expect(item).toMatchObject({
			purchase_apply_no: no,
			status: 23,
			status_name: '待引用',
			modified_iso: '2024-11-22T10:00:10+08:00',
			created_iso: '2024-11-21T10:00:00+08:00',
			expected_time_iso: '2024-11-24T10:00:00+08:00',
			detail_list: [expect.objectContaining({ purchase_apply_no: no })],
		});
		const keys = Object.keys(item);
		expect(keys[keys.indexOf('status') + 1]).toBe('status_name');
		const without = await pollMinutes(
			rig,
			'n8n1',
			active(),
			[2, 2],
			applies({ includeLines: false }),
		);
		expect(without.emitted[0]).not.toHaveProperty('detail_list');
	});
});

pagingAndTestEventTests(applyCase);

describe.each([
	['modified', ['created:10', 'changed:20', 'later:23']],
	// The poll re-reads the last minutes before its cursor (OVERLAP_MS), which still holds the
	// creation 3 minutes on; 20 minutes on, it is outside every window read.
	['created', ['created:10', 'changed:20']],
] as const)('when WDT ranges the search by %s time', (reading, expected) => {
	it('emits a new apply and a change soon after under both readings; a later change only when WDT ranges by modified', async () => {
		rig.sim.replies.purchaseApplyRange = reading;
		const no = add('editing', T0 + 10_000);
		const first = await pollMinutes(rig, 'n8n1', active(), [1, 2], applies());
		change(no, 'pendingConfirm', T0 + 3 * MINUTE);
		const second = await pollMinutes(rig, 'n8n1', first.staticData, [4, 5], applies());
		const quiet = await pollMinutes(rig, 'n8n1', second.staticData, [10, 15], applies());
		expect(quiet.emitted).toEqual([]);
		change(no, 'pendingReference', T0 + 20 * MINUTE);
		const third = await pollMinutes(rig, 'n8n1', quiet.staticData, [21, 22], applies());
		const seen = [
			...first.emitted.map((json) => `created:${String(json.status)}`),
			...second.emitted.map((json) => `changed:${String(json.status)}`),
			...third.emitted.map((json) => `later:${String(json.status)}`),
		];
		expect(seen).toEqual(expected);
		for (const poll of [...first.polls, ...third.polls])
			for (const param of paramsOf(poll, QUERY))
				expect(Object.keys(param).sort()).toEqual(['end_time', 'start_time']);
	});
});
