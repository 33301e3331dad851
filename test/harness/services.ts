/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The few n8n-core services the execution engine pulls from its DI container, registered once
 * per worker process.
 *
 * n8n-core 2.41 ships its own nested copies of `@n8n/di` (0.17) and `@n8n/backend-common`, so
 * the container and the Logger class must be loaded from n8n-core's own location: importing
 * `@n8n/di` from here would resolve the top-level 0.16 copy, a different (empty) container.
 *
 * What the engine needs, found by running it (see README.md in this folder):
 * - Logger (@n8n/backend-common): every node context has a `logger`; a quiet logger that forwards
 *   warnings and errors to the leak log replaces the winston one.
 * - InstanceSettings: read by every node context's constructor (instanceId, hmacSignatureSecret).
 *   The real one reads/writes ~/.n8n/config, so a plain stand-in is registered.
 * - ErrorReporter: WorkflowExecute reports node errors to it; a stand-in records them.
 * Everything else the tests reach (OutboundHttp, Tracing, TriggersAndPollers,
 * PollTriggerExecutor, ExecutionContextService, …) is built by the container from its defaults.
 */
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Container as ContainerOf016 } from '@n8n/di';
import { ErrorReporter, InstanceSettings } from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';

import { recordError, recordText, safeStringify } from './leak';

const requireFromCore = createRequire(require.resolve('n8n-core'));

/** The container n8n-core itself uses. */
export const Container = (requireFromCore('@n8n/di') as { Container: typeof ContainerOf016 }).Container;

const { Logger } = requireFromCore('@n8n/backend-common') as { Logger: abstract new (...args: never[]) => unknown };

type LogLevel = 'error' | 'warn' | 'info' | 'debug';
const LEVELS: LogLevel[] = ['error', 'warn', 'info', 'debug'];

/** Prints at or above WDT_HARNESS_LOG (error|warn|info|debug; default: nothing). */
function shouldPrint(level: LogLevel): boolean {
	const wanted = (process.env.WDT_HARNESS_LOG ?? '') as LogLevel;
	const limit = LEVELS.indexOf(wanted);
	return limit >= 0 && LEVELS.indexOf(level) <= limit;
}

/** Every warning n8n's logger received, in order (runPoll returns those of its poll). */
export const loggedWarnings: string[] = [];

export class HarnessLogger {
	constructor(private readonly scopes: string[] = []) {}

	scoped(scopes: string | string[]): HarnessLogger {
		return new HarnessLogger([...this.scopes, ...(Array.isArray(scopes) ? scopes : [scopes])]);
	}

	private log(level: LogLevel, message: string, metadata?: Record<string, unknown>) {
		if (shouldPrint(level)) console[level === 'debug' ? 'log' : level](`[n8n ${level}] ${message}`, metadata ?? '');
		// Warnings and errors land in n8n's default log output, so they are searched for secrets
		// (info and debug are off in a default n8n install).
		if (level === 'info' || level === 'debug') return;
		const where = `n8n log (${level})${this.scopes.length ? ` [${this.scopes.join(',')}]` : ''}`;
		recordText('log message', where, message);
		if (metadata && Object.keys(metadata).length > 0) {
			if (metadata.error) recordError(`${where} metadata.error`, metadata.error);
			recordText('log metadata', where, safeStringify(metadata));
		}
	}

	error(message: string, metadata?: Record<string, unknown>) {
		this.log('error', message, metadata);
	}

	warn(message: string, metadata?: Record<string, unknown>) {
		loggedWarnings.push(message);
		this.log('warn', message, metadata);
	}

	info(message: string, metadata?: Record<string, unknown>) {
		this.log('info', message, metadata);
	}

	debug(message: string, metadata?: Record<string, unknown>) {
		this.log('debug', message, metadata);
	}
}

/** What ErrorReporter would send to Sentry; kept so tests can look, and searched for secrets. */
export const reportedErrors: unknown[] = [];

/**
 * The original error instances (a NodeApiError keeps the whole request in its cause) go to
 * Sentry only when the instance has error reporting on, and to the log as message and stack:
 * only those are searched for secrets.
 */
class HarnessErrorReporter {
	error(error: unknown) {
		reportedErrors.push(error);
		recordError('ErrorReporter.error', error, { serialized: false });
	}

	warn(warning: unknown) {
		recordError('ErrorReporter.warn', warning, { serialized: false });
	}

	info(message: string) {
		recordText('log message', 'ErrorReporter.info', message);
	}

	async shutdown() {}
}

const instanceSettings = {
	// BinaryDataConfig/StorageConfig derive their paths from it; nothing is written there
	// unless a node stores binary data.
	n8nFolder: join(tmpdir(), `n8n-harness-${process.pid}`),
	fsStorageMigrated: true,
	instanceId: 'harness-instance-0000000000000000000000000000000000000000000000000000000000',
	hmacSignatureSecret: 'harness-hmac-signature-secret',
	instanceType: 'main',
	instanceRole: 'leader',
	isLeader: true,
	isFollower: false,
	isMultiMain: false,
	isSingleMain: true,
	isWorker: false,
	isDocker: false,
};

let registered = false;

/** Registers the stand-in services; idempotent. */
export function registerServices(): void {
	if (registered) return;
	registered = true;
	const logger = new HarnessLogger();
	Container.set(Logger as never, logger as never);
	LoggerProxy.init(logger as never);
	Container.set(InstanceSettings as never, instanceSettings as never);
	Container.set(ErrorReporter as never, new HarnessErrorReporter() as never);
}
