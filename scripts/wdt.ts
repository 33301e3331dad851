/* eslint-disable -- dev tooling, never shipped: the community-node lint rules (no process, no console, …) are for node code. */
/**
 * `npm run wdt -- <method> ['<json args>'] [--page-size N] [--page-no N] [--calc-total]`
 * `npm run wdt -- check [--look-back DAYS] [--json]`
 *
 * Signs and sends one WDT call with the package's own protocol code and prints the reply; or,
 * with `check`, runs Check Assumptions (the node's Account → Check Assumptions, same shared
 * code, read-only, at most MAX_PROBE_CALLS calls) and prints its findings as a table.
 *
 * Where it goes, and as whom (environment):
 *   WDT_BASE_URL       an endpoint URL (e.g. the simulator's), or
 *   WDT_ENV            production | test (WDT's own endpoints)
 *   WDT_SID, WDT_KEY, WDT_SECRET, WDT_SALT
 *                      the account; WDT_SECRET may be WDT's whole "secret:salt" appsecret.
 *                      Without WDT_SID the simulator's demo credential is used.
 *   Neither WDT_BASE_URL nor WDT_ENV: the call goes to a fresh in-process simulator with demo data.
 *
 * The arguments are the method's positional arguments as a JSON array (`[{"start_time": …}]`);
 * a single JSON object is taken as the only argument. The reply goes to stdout as JSON; a
 * one-line summary goes to stderr. Exit code: 0 when WDT answered status 0, 1 otherwise.
 * Nothing printed contains the secret, the salt or the sign.
 */
import {
	checkAssumptions,
	LOOK_BACK_DAYS,
	MAX_PROBE_CALLS,
	type AssumptionResult,
	type ProbeTransport,
} from '../nodes/shared/assumptions';
import {
	callQuery,
	decodeResponse,
	encodeBody,
	ensureSuccess,
	errorFromStatus,
	readWdtCredentials,
	signQuery,
	WDT_MAX_PAGE_SIZE,
	type WdtCall,
	type WdtCredentials,
	type WdtResponse,
} from '../nodes/shared/protocol';
import { DEFAULT_SELLER, startSimulator } from '../test/simulator';

/** Every call has a deadline. */
const TIMEOUT_MS = 30_000;

export const USAGE = `Usage: npm run wdt -- <method> ['<json args>'] [--page-size N] [--page-no N] [--calc-total]
       npm run wdt -- check [--look-back DAYS] [--json]

  npm run wdt -- system.Core.now
  npm run wdt -- wms.stockout.Sales.searchCancel '[{"start_time":"2026-12-01 09:00:00","end_time":"2026-12-01 10:00:00"}]' --page-size 50
  npm run wdt -- check --look-back 14     (Check Assumptions: read-only, at most ${MAX_PROBE_CALLS} calls)

Environment: WDT_BASE_URL (any endpoint, e.g. the simulator's) or WDT_ENV=production|test;
WDT_SID, WDT_KEY, WDT_SECRET, WDT_SALT (default: the simulator's demo credential).
With neither WDT_BASE_URL nor WDT_ENV the call goes to an in-process simulator with demo data.`;

/** A usage problem: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
	call: WdtCall;
}

function integerFlag(name: string, value: string | undefined, min: number, max: number): number {
	const number = Number(value);
	if (value === undefined || !/^\d+$/.test(value) || number < min || number > max) {
		throw new UsageError(
			`${name} needs a whole number from ${min} to ${max}, got ${value ?? 'nothing'}.`,
		);
	}
	return number;
}

/** Reads `<method> ['<json args>'] [--page-size N] [--page-no N] [--calc-total]`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
	const positional: string[] = [];
	let pageSize: number | undefined;
	let pageNo: number | undefined;
	let calcTotal = false;
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s, 2) : [argv[i]];
		const value = () => inline ?? argv[++i];
		if (flag === '--page-size') pageSize = integerFlag(flag, value(), 1, WDT_MAX_PAGE_SIZE);
		else if (flag === '--page-no') pageNo = integerFlag(flag, value(), 0, 1_000_000);
		else if (flag === '--calc-total') calcTotal = true;
		else if (flag === '--help' || flag === '-h') throw new UsageError('');
		else if (flag.startsWith('--')) throw new UsageError(`Unknown option ${flag}.`);
		else positional.push(argv[i]);
	}
	const [method, json, ...extra] = positional;
	if (!method) throw new UsageError('Give the WDT method name, e.g. system.Core.now.');
	if (!/^[A-Za-z][\w]*(\.[A-Za-z_]\w*)+$/.test(method)) {
		throw new UsageError(
			`"${method}" does not look like a WDT method name (e.g. wms.stockout.Sales.searchCancel).`,
		);
	}
	if (extra.length) {
		throw new UsageError(
			`Give the arguments as one JSON text in quotes; got more: ${extra.join(' ')}`,
		);
	}
	let args: unknown[] = [];
	if (json !== undefined) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(json);
		} catch (error) {
			throw new UsageError(`The arguments are not valid JSON: ${(error as Error).message}`);
		}
		args = Array.isArray(parsed) ? parsed : [parsed];
	}
	const paged = pageSize !== undefined || pageNo !== undefined || calcTotal;
	return {
		call: {
			method,
			args,
			...(paged
				? { pager: { pageSize: pageSize ?? WDT_MAX_PAGE_SIZE, pageNo: pageNo ?? 0, calcTotal } }
				: {}),
		},
	};
}

/**
 * The credential from the environment; the demo one without WDT_SID. `endpoint` is empty when
 * neither WDT_BASE_URL nor WDT_ENV says where to go.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): {
	credentials: WdtCredentials;
	demo: boolean;
} {
	const demo = !env.WDT_SID;
	const wdtEnv = env.WDT_ENV?.trim();
	if (wdtEnv && !['production', 'test', 'custom'].includes(wdtEnv)) {
		throw new UsageError(
			`WDT_ENV must be production or test (or custom with WDT_BASE_URL), got "${wdtEnv}".`,
		);
	}
	const environment = env.WDT_BASE_URL ? 'custom' : wdtEnv;
	const credentials = readWdtCredentials({
		sid: demo ? DEFAULT_SELLER.sid : env.WDT_SID,
		key: demo ? DEFAULT_SELLER.key : env.WDT_KEY,
		secret: demo ? DEFAULT_SELLER.secret : env.WDT_SECRET,
		salt: demo ? DEFAULT_SELLER.salt : env.WDT_SALT,
		environment,
		baseUrl: env.WDT_BASE_URL,
	});
	if (!environment) credentials.endpoint = '';
	const missing = (['key', 'secret', 'salt'] as const).filter((field) => !credentials[field]);
	if (missing.length) {
		throw new UsageError(
			`WDT_SID is set, so the account comes from the environment, but ${missing.map((f) => `WDT_${f.toUpperCase()}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} empty.`,
		);
	}
	return { credentials, demo };
}

/** Signs and sends one call; resolves with the decoded reply (any status). */
export async function sendCall(
	call: WdtCall,
	credentials: WdtCredentials,
	nowMs = Date.now(),
	timeoutMs = TIMEOUT_MS,
): Promise<WdtResponse> {
	const body = encodeBody(call.args);
	const query = signQuery(callQuery(call), body, credentials, nowMs);
	const response = await fetch(`${credentials.endpoint}?${new URLSearchParams(query)}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
		body,
		signal: AbortSignal.timeout(timeoutMs),
	});
	return decodeResponse(call.method, await response.text(), response.status);
}

/** Reads `check [--look-back DAYS] [--json]`. */
export function parseCheckArgs(argv: readonly string[]): { lookBackDays: number; json: boolean } {
	let lookBackDays = LOOK_BACK_DAYS.default;
	let json = false;
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		if (flag === '--look-back')
			lookBackDays = integerFlag(flag, inline ?? argv[++i], LOOK_BACK_DAYS.min, LOOK_BACK_DAYS.max);
		else if (flag === '--json') json = true;
		else if (flag === '--help' || flag === '-h') throw new UsageError('');
		else throw new UsageError(`Unknown option for check: ${argv[i]}.`);
	}
	return { lookBackDays, json };
}

/** Check Assumptions' transport: each call signed by the package's protocol code, like the node's. */
export function signedTransport(credentials: WdtCredentials): ProbeTransport {
	return async (call, deadlineMs) =>
		ensureSuccess(call.method, await sendCall(call, credentials, Date.now(), deadlineMs));
}

const clip = (text: string, width: number) =>
	text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;

/** The findings as a text table, then each one's why and evidence. */
export function formatAssumptionTable(results: readonly AssumptionResult[]): string {
	const widths = [3, 15, 44, 60];
	const row = (cells: string[]) =>
		cells
			.map((cell, i) => clip(cell, widths[i]))
			.join(' │ ')
			.trimEnd() + '\n';
	const rule = widths.map((width) => '─'.repeat(width)).join('─┼─') + '\n';
	let text = row(['#', 'Verdict', 'Reading found', 'Assumption']) + rule;
	results.forEach(
		(result, i) =>
			(text += row([String(i + 1), result.verdict, result.reading_found, result.assumption])),
	);
	text += '\n';
	results.forEach((result, i) => {
		text += `${i + 1}. ${result.assumption}\n   Found: ${result.reading_found} (${result.verdict}). ${result.why}\n`;
		text += `   Affects: ${result.affects.join('; ')}\n   Details: ${JSON.stringify(result.details)}\n`;
	});
	return text;
}

export interface Io {
	out: (text: string) => void;
	err: (text: string) => void;
}

/** The whole command: returns the exit code (0 WDT status 0, 1 other status or failure, 2 usage). */
export async function main(
	argv: readonly string[],
	env: NodeJS.ProcessEnv = process.env,
	io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
): Promise<number> {
	let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
	try {
		const check = argv[0] === 'check' ? parseCheckArgs(argv.slice(1)) : undefined;
		const { call } = check ? { call: undefined } : parseArgs(argv);
		const { credentials, demo } = credentialsFromEnv(env);
		if (!credentials.endpoint) {
			if (!demo) {
				throw new UsageError(
					'WDT_SID is set but not where to send: set WDT_ENV=production|test or WDT_BASE_URL.',
				);
			}
			sim = await startSimulator({ seed: 'demo' });
			credentials.endpoint = sim.url;
			io.err('No WDT_BASE_URL or WDT_ENV: using an in-process simulator with demo data.\n');
		}
		if (check) {
			io.err(
				`→ Check Assumptions (read-only, samples from the last ${check.lookBackDays} days) at ${credentials.endpoint} as sid ${credentials.sid}${demo ? ' (demo credential)' : ''}\n`,
			);
			const results = await checkAssumptions(signedTransport(credentials), {
				lookBackDays: check.lookBackDays,
			});
			io.out(check.json ? JSON.stringify(results, null, 2) + '\n' : formatAssumptionTable(results));
			return 0;
		}
		if (!call) throw new UsageError('Give the WDT method name, e.g. system.Core.now.');
		const pager = call.pager ? ` page ${call.pager.pageNo} (size ${call.pager.pageSize})` : '';
		io.err(
			`→ ${call.method}${pager} at ${credentials.endpoint} as sid ${credentials.sid}${demo ? ' (demo credential)' : ''}\n`,
		);
		const reply = await sendCall(call, credentials);
		io.out(JSON.stringify(reply, null, 2) + '\n');
		if (reply.status !== 0) {
			io.err(
				`✗ ${errorFromStatus(call.method, reply.status, String(reply.message ?? '')).message}\n`,
			);
			return 1;
		}
		return 0;
	} catch (error) {
		if (error instanceof UsageError) {
			io.err(`${error.message ? `${error.message}\n\n` : ''}${USAGE}\n`);
			return 2;
		}
		io.err(`✗ ${(error as Error).message}\n`);
		return 1;
	} finally {
		await sim?.close();
	}
}

// Run as a command (not when a test imports it). No import.meta: test/tsconfig compiles this as CommonJS.
if (/[\\/]scripts[\\/]wdt\.ts$/.test(process.argv[1] ?? '')) {
	main(process.argv.slice(2)).then((code) => process.exit(code));
}
