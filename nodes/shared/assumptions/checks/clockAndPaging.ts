/** The checks every call depends on: the host's clock and the page size WDT serves. */
import { timeSample, TIME_SAMPLES } from './timeForms';
import { parseServerNow, WDT_MAX_PAGE_SIZE } from '../../protocol';
import { couldNotTell, METHODS, page, result, CLOCK_TOLERANCE_MS, type Check } from './run';

export const clockCheck: Check = {
	assumption:
		"This host's clock is within 120 seconds of WDT's (WDT refuses a request timestamp further off)",
	affects: ['Every operation and event'],
	async run(run) {
		const sentMs = run.hostNowMs();
		const reply = await run.session.call({ method: METHODS.now, args: [] }).catch((error) => {
			if (run.session.stoppedBy?.kind !== 'clockSkew') throw error;
			return undefined;
		});
		const receivedMs = run.hostNowMs();
		if (!reply)
			return result(
				this,
				'differs',
				"more than 120 s apart: WDT refused this host's timestamp",
				"Sync this host's clock (NTP): until then WDT refuses every call.",
				{ wdt_status: run.session.stoppedBy?.status },
			);
		if (!reply.ok) return couldNotTell(this, `system.Core.now failed: ${reply.error.message}`);
		const serverMs = parseServerNow(reply.reply.data);
		if (serverMs === undefined)
			return couldNotTell(this, 'system.Core.now answered with a time the package cannot read', {
				data_form: typeof reply.reply.data,
			});
		run.nowMs = serverMs;
		const offsetMs = serverMs - Math.round((sentMs + receivedMs) / 2);
		const offset = Math.round(offsetMs / 1000);
		const words = `WDT's clock is ${Math.abs(offset)} s ${offset >= 0 ? 'ahead of' : 'behind'} this host's`;
		const details = { offset_seconds: offset, round_trip_ms: receivedMs - sentMs };
		return Math.abs(offsetMs) <= CLOCK_TOLERANCE_MS
			? result(this, 'as assumed', words, 'Within the 120 s WDT accepts.', details)
			: result(
					this,
					'differs',
					words,
					"Beyond the 120 s WDT accepts: sync this host's clock (NTP). The trigger plans its windows from WDT's time meanwhile.",
					details,
				);
	},
};

export const pageSizeCheck: Check = {
	assumption: `WDT serves the page size asked for (${WDT_MAX_PAGE_SIZE} rows) whenever more rows match`,
	affects: ['Every Get Many', 'Every trigger event', 'Custom → Call with Paged Query'],
	async run(run) {
		const served: Array<Record<string, unknown>> = [];
		for (const { key } of TIME_SAMPLES) {
			const sample = await timeSample(run, key);
			if (sample.failure || sample.total === undefined) continue;
			served.push({
				method: METHODS[key],
				asked: sample.asked,
				served: sample.rows.length,
				total: sample.total,
			});
		}
		// One call asking for more than the package ever asks, to see whether WDT refuses or caps it.
		const oversized = 2 * WDT_MAX_PAGE_SIZE;
		const big = await page(run, METHODS.warehouse, {}, oversized);
		const oversizedReply = big.failure
			? `refused: ${big.failure}`
			: `answered with ${big.rows.length} of ${big.total ?? '?'} rows`;
		const details = { samples: served, [`page_size_${oversized}`]: oversizedReply };
		const refused = TIME_SAMPLES.map(({ key }) => run.samples.get(METHODS[key])?.failure).find(
			(failure) => failure !== undefined && /page_size/i.test(failure),
		);
		if (refused)
			return result(
				this,
				'differs',
				`pages of ${WDT_MAX_PAGE_SIZE} rows are refused`,
				`The package asks for ${WDT_MAX_PAGE_SIZE} rows a page, the most the vendor's rules allow; this WDT refuses that, so its reads fail. Please report it.`,
				{ ...details, refusal: refused },
			);
		const telling = served.filter(
			(s) =>
				(s.total as number) > (s.served as number) || (s.served as number) >= (s.asked as number),
		);
		const capped = telling.filter(
			(s) => (s.served as number) < Math.min(s.asked as number, s.total as number),
		);
		if (capped.length) {
			const most = Math.max(...capped.map((s) => s.served as number));
			return result(
				this,
				'differs',
				`at most ${most} rows a page, although ${WDT_MAX_PAGE_SIZE} were asked`,
				"The package follows total_count, not a page's length: a short page before the total makes it re-read at the size served, so no row is lost; reads take more calls.",
				details,
			);
		}
		if (telling.length === 0)
			return couldNotTell(
				this,
				`No sample had enough rows to fill a page of ${WDT_MAX_PAGE_SIZE} (or every sample failed).`,
				details,
			);
		return result(
			this,
			'as assumed',
			`full pages of ${WDT_MAX_PAGE_SIZE} rows`,
			'Every sample that had more rows than a page was served a full page.',
			details,
		);
	},
};
