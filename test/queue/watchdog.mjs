// Kills what the queue-mode test started if the test process dies without cleaning up
// (SIGKILL, a crashed vitest fork). Started detached by stack.ts:
//
//   node watchdog.mjs <test pid> <registry file>
//
// The registry file lists one process-group id per line. While it exists and the test process
// lives, the watchdog waits. When the test removes the file (normal clean-up), it exits. When the
// test process is gone, it kills every listed group (SIGKILL) and exits.
import { existsSync, readFileSync, rmSync } from 'node:fs';

const [parentPid, registry] = [Number(process.argv[2]), process.argv[3]];

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

const timer = setInterval(() => {
	if (!existsSync(registry)) {
		clearInterval(timer);
		return;
	}
	if (alive(parentPid)) return;
	clearInterval(timer);
	const groups = readFileSync(registry, 'utf8').split('\n').map(Number).filter(Boolean);
	for (const pgid of groups) {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	rmSync(registry, { force: true });
}, 1000);
