/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The WDT open API simulator: a real HTTP server on 127.0.0.1 that checks requests the way the
 * vendor documents them, answers the methods of METHODS from in-memory records (or with the doc
 * pages' own reply examples), and can misbehave on demand (fault injection, latency, rate limits)
 * for retry and resilience tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SimClock } from './clock';
import { seedDemoData } from './demo-data';
import {
	docExampleReply,
	fixtureDocExamples,
	type DocExampleKind,
	type DocExampleMode,
	type DocExampleSource,
} from './doc-examples';
import { FaultInjector, type DrawnFault, type FaultKind } from './faults';
import {
	clearMethodRecords,
	genericMethodSpec,
	methodRecords,
	type MethodRecords,
} from './generic';
import { clearFlowState } from './flows';
import { METHODS, WdtError, type MethodSpec, type Pager, type WdtReply } from './methods';
import { DEFAULT_SELLER, type SellerAccount } from './sellers';
import { isValidSign } from './signature';
import { SimulatorStore, type StoreOptions } from './store';
import { inTimeForm } from './timeForms';

export interface SimulatorOptions extends StoreOptions {
	/** Accepted accounts (default: [DEFAULT_SELLER]). Copied: edit them later via `sim.sellers`. */
	sellers?: SellerAccount[];
	/** Runs before every paged method call (also settable as `sim.beforePage`). */
	beforePage?: BeforePageHook;
	/** Delay added before every reply, in ms (default 0; also settable as `sim.latencyMs`). */
	latencyMs?: number;
	/** Initial simulated unix ms (default: real now). The clock runs from there. */
	now?: number;
	/** Start with the clock frozen (default false). */
	freezeClock?: boolean;
	/** Initial records (default 'demo'). */
	seed?: 'demo' | 'empty';
	/** Real per-minute limit per sid and method on the simulated clock (default: off). */
	rateLimitPerMinute?: number;
	/** Real limit of requests in progress at once per sid (default: off). */
	maxConcurrent?: number;
	/** Called with every sign value received, e.g. to feed a secret-leak scanner. Never stored. */
	onSignSeen?: (sign: string) => void;
	/** Listening port (default 0: any free port). */
	port?: number;
	/** Keep only the newest N entries in `requests` (default: all), for long benchmark runs. */
	maxRecordedRequests?: number;
	/** Answer these methods with their doc page's reply example (see `useDocExamples`). */
	docExamples?: DocExampleOptions;
}

export interface DocExampleOptions {
	/** Methods answered with their example; 'all': every method the source has an example for. */
	methods: readonly string[] | 'all';
	/** Default: the catalog fixtures, test/fixtures/wdt-docs/<method>.json. */
	source?: DocExampleSource;
	/** 'reply' (the 正常响应示例, default) or 'error' (the first 异常响应示例). */
	kind?: DocExampleKind;
	/** Paged calls for page_no ≥ 1: 'empty' (lists emptied, default) or 'repeat'. */
	laterPages?: 'empty' | 'repeat';
}

/** Called before a paged method runs, e.g. to change records between two page reads. */
export type BeforePageHook = (page: { method: string; pageNo: number; pageSize: number }) => void;

/** What the simulator answered: a WDT status, an injected fault, or a path other than /openapi. */
export type RequestOutcomeStatus = number | `fault:${FaultKind}` | 'notFound' | 'pending';

export interface RecordedRequest {
	/** 1, 2, 3… in arrival order. */
	seq: number;
	/** Simulated unix ms on arrival. */
	at: number;
	method: string | undefined;
	sid: string | undefined;
	/** Query parameters except `sign` and `salt`, which are only noted as present. */
	query: Record<string, string>;
	hasSign: boolean;
	hasSalt: boolean;
	bodyText: string;
	/** The parsed body (undefined when it is not JSON). */
	args: unknown;
	/** WDT status answered; 'fault:<kind>' for injected faults except 'slow' (a normal reply). */
	status: RequestOutcomeStatus;
	message?: string;
	httpStatus?: number;
	/** The injected fault, including 'slow'. */
	fault?: FaultKind;
	/** The method logic ran (state may have changed). */
	reachedMethod: boolean;
	pageNo?: number;
	pageSize?: number;
	calcTotal?: boolean;
	clientAddress: string;
}

type Outcome =
	| { kind: 'json'; reply: WdtReply }
	| { kind: 'truncated'; reply: WdtReply }
	| { kind: 'html502' }
	| { kind: 'empty' }
	| { kind: 'drop' }
	| { kind: 'notFound' };

const REQUIRED_PARAMS = ['sid', 'key', 'salt', 'method', 'v', 'timestamp', 'sign'] as const;

/** Allowed |client timestamp − server time|, in seconds. */
export const TIMESTAMP_TOLERANCE_SECONDS = 120;

export const RATE_LIMIT_MESSAGE = '超过每分钟最大调用频率限制，请稍后重试';
export const CONCURRENCY_LIMIT_MESSAGE = '超过每分钟最大并发次数限制，请稍后重试';

const NGINX_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
	'<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Java's Integer.parseInt: optional sign, digits, within int range. */
function parseJavaInt(text: string): number | undefined {
	if (!/^[+-]?\d+$/.test(text)) return undefined;
	const value = Number(text);
	return value >= -2147483648 && value <= 2147483647 ? value : undefined;
}

function normalizeAddress(address: string | undefined): string {
	if (!address) return '';
	return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

const wdtError = (status: number, message: string): Outcome => ({
	kind: 'json',
	reply: { status, message },
});

export class WdtSimulator extends SimulatorStore {
	readonly sellers = new Map<string, SellerAccount>();
	readonly faults = new FaultInjector();
	/** Every request received, in arrival order. */
	readonly requests: RecordedRequest[] = [];
	latencyMs: number;
	rateLimitPerMinute: number | undefined;
	maxConcurrent: number | undefined;
	maxRecordedRequests: number | undefined;
	/** Doc-example mode, off when undefined (see `useDocExamples`). */
	docExamples: DocExampleMode | undefined;
	/** Runs before every paged method call (a total that changes between pages, …). */
	beforePage: BeforePageHook | undefined;

	private readonly server: Server;
	private readonly onSignSeen: ((sign: string) => void) | undefined;
	private port = 0;
	private requestCount = 0;
	private closed = false;
	private readonly timers = new Set<{ timer: NodeJS.Timeout; done: () => void }>();
	private readonly callTimes = new Map<string, number[]>();
	private readonly inFlight = new Map<string, number>();

	/** The records a catalog method without a hand-written handler answers with (generic.ts). */
	records(method: string): MethodRecords {
		return methodRecords(this, method);
	}

	constructor(options: SimulatorOptions = {}) {
		super(new SimClock(), options);
		if (options.now !== undefined) this.clock.set(options.now);
		if (options.freezeClock) this.clock.freeze();
		for (const seller of options.sellers ?? [DEFAULT_SELLER]) this.addSeller(seller);
		this.latencyMs = options.latencyMs ?? 0;
		this.rateLimitPerMinute = options.rateLimitPerMinute;
		this.maxConcurrent = options.maxConcurrent;
		this.maxRecordedRequests = options.maxRecordedRequests;
		this.onSignSeen = options.onSignSeen;
		this.beforePage = options.beforePage;
		if (options.docExamples) this.useDocExamples(options.docExamples);
		if ((options.seed ?? 'demo') === 'demo') seedDemoData(this);
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => {
				console.error('[wdt simulator] unexpected error', error);
				if (!res.headersSent) res.writeHead(500).end();
				else res.destroy();
			});
		});
	}

	/** Starts listening on 127.0.0.1 (used by startSimulator). */
	async listen(port = 0): Promise<this> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => {
				this.server.off('error', reject);
				resolve();
			});
		});
		this.port = (this.server.address() as AddressInfo).port;
		return this;
	}

	/** `http://127.0.0.1:<port>` */
	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The endpoint clients call: `http://127.0.0.1:<port>/openapi`. */
	get url(): string {
		return `${this.baseUrl}/openapi`;
	}

	/** Stops the server, drops open connections and abandons pending delays. */
	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		for (const pending of this.timers) {
			clearTimeout(pending.timer);
			pending.done();
		}
		this.timers.clear();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	/** Adds or replaces an account (a copy is stored). */
	addSeller(seller: SellerAccount): SellerAccount {
		const copy: SellerAccount = {
			...seller,
			ipWhitelist: seller.ipWhitelist && [...seller.ipWhitelist],
			grantedMethods: seller.grantedMethods && [...seller.grantedMethods],
			warehouses: seller.warehouses && [...seller.warehouses],
		};
		this.sellers.set(copy.sid, copy);
		return copy;
	}

	/**
	 * Answers methods with their doc page's own reply example instead of the records (the
	 * signature and other request checks still apply; faults too). `false` switches it off.
	 * Works for any documented method, also those the simulator does not otherwise serve.
	 */
	useDocExamples(options: DocExampleOptions | false): void {
		this.docExamples = options
			? {
					methods: options.methods === 'all' ? 'all' : new Set(options.methods),
					source: options.source ?? fixtureDocExamples,
					kind: options.kind ?? 'reply',
					laterPages: options.laterPages ?? 'empty',
				}
			: undefined;
	}

	/** Drops all records and re-seeds (default 'empty'); requests and faults are kept. */
	resetData(seed: 'demo' | 'empty' = 'empty'): void {
		this.clearRecords();
		clearMethodRecords(this);
		clearFlowState(this);
		if (seed === 'demo') seedDemoData(this);
	}

	/** Empties the request log; seq numbers restart at 1. */
	clearRequests(): void {
		this.requests.length = 0;
		this.requestCount = 0;
	}

	requestsFor(method: string): RecordedRequest[] {
		return this.requests.filter((request) => request.method === method);
	}

	/** Requests to the state-changing methods that reached the method logic. */
	writeRequests(): RecordedRequest[] {
		return this.requests.filter(
			(request) =>
				request.reachedMethod && request.method !== undefined && METHODS.get(request.method)?.write,
		);
	}

	// -------------------------------------------------------------------------------------------
	// Request handling
	// -------------------------------------------------------------------------------------------

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const bodyText = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://simulator');

		const params: Record<string, string> = {};
		for (const [name, value] of url.searchParams) if (!(name in params)) params[name] = value;
		const { sign, salt, ...loggable } = params;
		if (sign && this.onSignSeen) this.onSignSeen(sign);
		let args: unknown;
		try {
			args = JSON.parse(bodyText);
		} catch {
			args = undefined;
		}
		const record: RecordedRequest = {
			seq: ++this.requestCount,
			at: this.clock.now(),
			method: params.method,
			sid: params.sid,
			query: loggable,
			hasSign: sign !== undefined,
			hasSalt: salt !== undefined,
			bodyText,
			args,
			status: 'pending',
			reachedMethod: false,
			clientAddress: normalizeAddress(req.socket.remoteAddress),
		};
		this.requests.push(record);
		if (this.maxRecordedRequests !== undefined && this.requests.length > this.maxRecordedRequests) {
			this.requests.splice(0, this.requests.length - this.maxRecordedRequests);
		}

		if (url.pathname !== '/openapi') {
			await this.send(req, res, record, { kind: 'notFound' });
			return;
		}
		const checked = this.check(params, bodyText, record);
		if ('kind' in checked) {
			await this.send(req, res, record, checked);
			return;
		}
		const sid = checked.seller.sid;
		this.inFlight.set(sid, (this.inFlight.get(sid) ?? 0) + 1);
		try {
			const outcome = await this.dispatch(checked, record);
			await this.send(req, res, record, outcome);
		} finally {
			this.inFlight.set(sid, (this.inFlight.get(sid) ?? 1) - 1);
		}
	}

	/** The protocol checks, in the order WDT applies them; returns what the method needs. */
	private check(
		params: Record<string, string>,
		bodyText: string,
		record: RecordedRequest,
	): Outcome | { seller: SellerAccount; spec: MethodSpec; args: unknown[]; pager?: Pager } {
		if (REQUIRED_PARAMS.some((name) => !params[name])) return wdtError(1, '参数错误');
		const seller = this.sellers.get(params.sid);
		if (!seller) return wdtError(1, 'sid is not exists');
		if (seller.key !== params.key) return wdtError(1, 'app auth fail');

		const { sign, ...signed } = params;
		if (
			params.salt !== seller.salt ||
			!isValidSign({ ...signed, body: bodyText }, seller.secret, sign)
		) {
			return wdtError(1, '验证失败');
		}
		if (params.v !== '1.0') return wdtError(8, '版本错误');

		const timestamp = parseJavaInt(params.timestamp);
		if (timestamp === undefined) return wdtError(1, `For input string: "${params.timestamp}"`);
		if (Math.abs(timestamp - this.clock.wdtTimestamp()) > TIMESTAMP_TOLERANCE_SECONDS) {
			return wdtError(7, '时间戳错误');
		}

		if (
			seller.ipWhitelist &&
			seller.ipWhitelist.length > 0 &&
			!seller.ipWhitelist.includes(record.clientAddress)
		) {
			return wdtError(6, 'ip限制');
		}

		if (!Array.isArray(record.args)) return wdtError(1, '参数错误');

		const method = params.method;
		const requestedPageNo = params.page_no ? parseJavaInt(params.page_no) : undefined;
		const example = docExampleReply(this.docExamples, method, requestedPageNo);
		const served = METHODS.get(method) ?? genericMethodSpec(method);
		// Every served read's replies carry its numeric-example times in `replies.timeForm`.
		const spec = example ? docExampleSpec(method, example) : served && inTimeForm(served);
		if (!spec) return wdtError(100, `接口不存在:${method}`);
		if (seller.grantedMethods && !seller.grantedMethods.includes(method))
			return wdtError(100, '权限不足');

		let pager: Pager | undefined;
		if (spec.paged) {
			const rawSize = params.page_size;
			const rawNo = params.page_no;
			if (!rawSize || !rawNo) return wdtError(100, `此方法仅支持分页查询：${method}`);
			const pageSize = parseJavaInt(rawSize);
			if (pageSize === undefined) return wdtError(1, `For input string: "${rawSize}"`);
			const pageNo = parseJavaInt(rawNo);
			if (pageNo === undefined) return wdtError(1, `For input string: "${rawNo}"`);
			record.pageSize = pageSize;
			record.pageNo = pageNo;
			record.calcTotal = params.calc_total === '1';
			const { maxPageSize, oversizedPageSize } = this.paging;
			if (pageSize < 1 || (pageSize > maxPageSize && oversizedPageSize === 'error'))
				return wdtError(100, `page_size超出范围(1-${maxPageSize})`);
			if (pageNo < 0) return wdtError(100, 'page_no超出范围');
			pager = { pageNo, pageSize, calcTotal: record.calcTotal };
		} else if (example) {
			record.pageNo = requestedPageNo;
			record.pageSize = params.page_size ? parseJavaInt(params.page_size) : undefined;
		}
		return { seller, spec, args: record.args, pager };
	}

	/** After the checks: injected faults, real limits, then the method. */
	private async dispatch(
		call: { seller: SellerAccount; spec: MethodSpec; args: unknown[]; pager?: Pager },
		record: RecordedRequest,
	): Promise<Outcome> {
		const { seller, spec } = call;
		const fault: DrawnFault | undefined = this.faults.draw(spec.name);
		if (fault) record.fault = fault.kind;
		switch (fault?.kind) {
			case 'rateLimit':
				return wdtError(100, RATE_LIMIT_MESSAGE);
			case 'concurrencyLimit':
				return wdtError(100, CONCURRENCY_LIMIT_MESSAGE);
			case 'html502':
				return { kind: 'html502' };
			case 'drop':
				return { kind: 'drop' };
			case 'empty':
				return { kind: 'empty' };
			case 'truncated':
				// Half of a real reply for reads; writes must not run, so a stand-in reply is cut.
				return {
					kind: 'truncated',
					reply: spec.write
						? { status: 0, data: { status: 0, message: 'reply lost in transit' } }
						: this.runMethod(call, record),
				};
			case 'slow':
				await this.sleep(fault.delayMs);
				break;
			default:
				break;
		}

		if (
			this.rateLimitPerMinute !== undefined &&
			this.overRateLimit(`${seller.sid}\u0000${spec.name}`)
		) {
			return wdtError(100, RATE_LIMIT_MESSAGE);
		}
		if (
			this.maxConcurrent !== undefined &&
			(this.inFlight.get(seller.sid) ?? 0) > this.maxConcurrent
		) {
			return wdtError(100, CONCURRENCY_LIMIT_MESSAGE);
		}

		const reply = this.runMethod(call, record);
		return fault?.kind === 'dropAfterWrite' ? { kind: 'drop' } : { kind: 'json', reply };
	}

	private runMethod(
		call: { seller: SellerAccount; spec: MethodSpec; args: unknown[]; pager?: Pager },
		record: RecordedRequest,
	): WdtReply {
		if (call.spec.argCount !== 'any' && call.args.length !== call.spec.argCount)
			return { status: 1, message: 'invalid argument count' };
		record.reachedMethod = true;
		if (call.pager && this.beforePage) this.beforePage({ method: call.spec.name, ...call.pager });
		try {
			return call.spec.run({
				store: this,
				seller: call.seller,
				args: call.args,
				pager: call.pager,
				nowMs: this.clock.now(),
			});
		} catch (error) {
			if (error instanceof WdtError) return { status: error.status, message: error.message };
			console.error('[wdt simulator] method failed', error);
			return { status: 99, message: `其他错误: ${String(error)}` };
		}
	}

	/** Sliding one-minute window on the simulated clock. */
	private overRateLimit(key: string): boolean {
		const now = this.clock.now();
		const recent = (this.callTimes.get(key) ?? []).filter((at) => at > now - 60_000);
		recent.push(now);
		this.callTimes.set(key, recent);
		return recent.length > (this.rateLimitPerMinute ?? Infinity);
	}

	private sleep(ms: number): Promise<void> {
		if (ms <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const pending = {
				timer: setTimeout(() => {
					this.timers.delete(pending);
					resolve();
				}, ms),
				done: resolve,
			};
			this.timers.add(pending);
		});
	}

	private async send(
		req: IncomingMessage,
		res: ServerResponse,
		record: RecordedRequest,
		outcome: Outcome,
	) {
		const faultStatus =
			record.fault && record.fault !== 'slow' ? (`fault:${record.fault}` as const) : undefined;
		if (outcome.kind === 'json') {
			record.status = faultStatus ?? outcome.reply.status;
			record.message = outcome.reply.message;
		} else {
			record.status = outcome.kind === 'notFound' ? 'notFound' : (faultStatus ?? 'pending');
		}

		await this.sleep(this.latencyMs);
		if (this.closed || outcome.kind === 'drop') {
			req.socket.destroy();
			return;
		}
		// The Date header follows the simulated clock, so clients can sync to it.
		res.setHeader('Date', new Date(this.clock.now()).toUTCString());
		switch (outcome.kind) {
			case 'json':
				this.write(
					res,
					record,
					200,
					'application/json; charset=utf-8',
					JSON.stringify(outcome.reply),
				);
				break;
			case 'truncated': {
				const text = JSON.stringify(outcome.reply);
				this.write(
					res,
					record,
					200,
					'application/json; charset=utf-8',
					text.slice(0, Math.floor(text.length / 2)),
				);
				break;
			}
			case 'empty':
				this.write(res, record, 200, 'application/json; charset=utf-8', '');
				break;
			case 'html502':
				res.setHeader('Server', 'nginx');
				this.write(res, record, 502, 'text/html', NGINX_502);
				break;
			case 'notFound':
				this.write(res, record, 404, 'text/plain; charset=utf-8', 'Not Found');
				break;
		}
	}

	private write(
		res: ServerResponse,
		record: RecordedRequest,
		httpStatus: number,
		type: string,
		text: string,
	) {
		const body = Buffer.from(text, 'utf8');
		record.httpStatus = httpStatus;
		res.writeHead(httpStatus, { 'Content-Type': type, 'Content-Length': body.length });
		res.end(body);
	}
}

/** A stand-in method that answers with a doc page's reply example, whatever the arguments. */
function docExampleSpec(name: string, reply: WdtReply): MethodSpec {
	return {
		name,
		paged: false,
		write: METHODS.get(name)?.write ?? false,
		argCount: 'any',
		run: () => reply,
	};
}

/** Starts a simulator on 127.0.0.1 (any free port unless `port` is given). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<WdtSimulator> {
	return new WdtSimulator(options).listen(options.port ?? 0);
}
