/** The purchase-apply check: which time the search range selects by. */
import { toWdtTime, WDT_MAX_PAGE_SIZE } from '../../protocol';
import { couldNotTell, days, METHODS, page, result, sampleLookBack, type Check } from './run';
import { readAnyTime } from './timeForms';

export const purchaseApplyRangeCheck: Check = {
	assumption: "Purchase apply search's time range filters by modified time",
	affects: ['Purchase Apply → Get Many', 'Purchase Apply Status Changed'],
	async run(run) {
		const sample = await sampleLookBack(run, METHODS.apply);
		const apply = sample.rows.find((row) => {
			const created = readAnyTime(row.created);
			const modified = readAnyTime(row.modified);
			return (
				created !== undefined && modified !== undefined && Math.abs(modified - created) >= 5000
			);
		});
		if (!apply)
			return couldNotTell(
				this,
				sample.failure ??
					`No purchase apply in the last ${days(run)} was modified after it was created.`,
				{ method: METHODS.apply, records: sample.rows.length },
			);
		const number = String(apply.purchase_apply_no ?? '');
		const around = async (ms: number) => {
			const reply = await page(
				run,
				METHODS.apply,
				{ start_time: toWdtTime(ms - 1000), end_time: toWdtTime(ms + 1000) },
				WDT_MAX_PAGE_SIZE,
			);
			return {
				failure: reply.failure,
				found: reply.rows.some((row) => String(row.purchase_apply_no ?? '') === number),
			};
		};
		const byCreated = await around(readAnyTime(apply.created) as number);
		const byModified = await around(readAnyTime(apply.modified) as number);
		const details = {
			method: METHODS.apply,
			purchase_apply_no: number,
			created: apply.created,
			modified: apply.modified,
			found_in_window_around_created: byCreated.failure ?? byCreated.found,
			found_in_window_around_modified: byModified.failure ?? byModified.found,
		};
		const failure = byCreated.failure ?? byModified.failure;
		if (failure) return couldNotTell(this, failure, details);
		if (byModified.found && !byCreated.found)
			return result(
				this,
				'as assumed',
				'the range filters modified time',
				'Get Many and the event see every change.',
				details,
			);
		if (byCreated.found && !byModified.found)
			return result(
				this,
				'differs',
				'the range filters created time',
				"Get Many then selects applies by creation time, and Purchase Apply Status Changed sees a change only while the apply's creation lies inside its look-back: keep the event's look-back long, or read the applies you follow by number.",
				details,
			);
		return couldNotTell(
			this,
			byCreated.found
				? 'The apply was found around both times.'
				: 'The apply was found around neither time.',
			details,
		);
	},
};
