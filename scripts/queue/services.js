'use strict';
/*
 * Redis and PostgreSQL for the queue-mode test, from Debian's packages.
 *
 * - ensureInstalled(): `apt-get install -y redis-server postgresql` when a binary is missing
 *   (CI runs as root on a fresh machine; the package scripts do not start the system services
 *   where policy-rc.d forbids it, and we never use them: our servers have ports and data of their own).
 * - startRedis / startPostgres: a server on a free loopback port with its data in a temporary
 *   folder (no persistence for Redis), each stopped by stop() (only the processes started here).
 *
 * PostgreSQL refuses to run as root: as root, initdb and pg_ctl run as the `postgres` user that
 * the Debian package creates (spawn's uid/gid, no su/runuser), and the data folder is theirs.
 */
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

function log(msg) {
	process.stdout.write(`[queue] ${msg}\n`);
}

/** The newest /usr/lib/postgresql/<major>/bin that has initdb, or null. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return null;
	const majors = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(root, majors[0], 'bin') : null;
}

const redisBin = () => ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((f) => fs.existsSync(f)) || null;

function apt(args) {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', NEEDRESTART_MODE: 'a' };
	return spawnSync('apt-get', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Install redis-server and postgresql when missing. Returns {installed: [...], ms}. */
function ensureInstalled() {
	const t0 = Date.now();
	const missing = [];
	if (!redisBin()) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (!missing.length) {
		log(`redis-server and postgresql present (${redisBin()}, ${postgresBinDir()})`);
		return { installed: [], ms: Date.now() - t0 };
	}
	if (process.getuid && process.getuid() !== 0)
		throw new Error(`${missing.join(' and ')} missing: run as root (CI does) or: sudo apt-get install -y ${missing.join(' ')}`);
	log(`installing ${missing.join(', ')} from Debian's packages`);
	const args = ['install', '-y', '-q', '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold', ...missing];
	let r = apt(args);
	if (r.status !== 0) {
		// a fresh machine may have no package lists yet
		log(`apt-get install failed (exit ${r.status}); apt-get update, then again`);
		const u = apt(['update', '-q']);
		if (u.status !== 0) throw new Error(`apt-get update failed:\n${u.stderr.slice(-2000)}`);
		r = apt(args);
	}
	if (r.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed:\n${(r.stdout + r.stderr).slice(-3000)}`);
	if (!redisBin() || !postgresBinDir()) throw new Error('apt-get install succeeded but redis-server or initdb is still missing');
	const ms = Date.now() - t0;
	log(`installed ${missing.join(', ')} in ${(ms / 1000).toFixed(1)} s`);
	return { installed: missing, ms };
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Send one command line to a TCP server and resolve with the first answer (Redis PING). */
function tcpAsk(port, line) {
	return new Promise((resolve, reject) => {
		const sock = net.connect({ port, host: '127.0.0.1' });
		sock.setTimeout(1000, () => sock.destroy(new Error('timeout')));
		sock.once('connect', () => sock.write(line));
		sock.once('data', (d) => {
			sock.destroy();
			resolve(d.toString());
		});
		sock.once('error', reject);
	});
}

async function startRedis(dir) {
	const port = await freePort();
	const dataDir = path.join(dir, 'redis');
	fs.mkdirSync(dataDir, { recursive: true });
	const logFile = path.join(dir, 'redis.log');
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', logFile];
	const child = spawn(redisBin(), args, { stdio: 'ignore', detached: true });
	const t0 = Date.now();
	for (;;) {
		if (child.exitCode !== null) throw new Error(`redis-server exited ${child.exitCode}; see ${logFile}`);
		try {
			if ((await tcpAsk(port, 'PING\r\n')).startsWith('+PONG')) break;
		} catch {
			/* not yet */
		}
		if (Date.now() - t0 > 15000) throw new Error(`redis-server did not answer PING on ${port}; see ${logFile}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	log(`redis ${port} ready in ${Date.now() - t0} ms (pid ${child.pid}, data ${dataDir})`);
	const stop = () =>
		new Promise((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
	return { port, host: '127.0.0.1', pid: child.pid, stop };
}

/** Run a PostgreSQL tool (as `postgres` when we are root). */
function pgTool(bin, args, owner) {
	const r = spawnSync(path.join(postgresBinDir(), bin), args, { encoding: 'utf8', ...owner, env: { ...process.env, LC_ALL: 'C' } });
	if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
	return r;
}

async function startPostgres(dir) {
	const port = await freePort();
	const pgDir = path.join(dir, 'postgres');
	const dataDir = path.join(pgDir, 'data');
	fs.mkdirSync(pgDir, { recursive: true });
	let owner = {};
	if (process.getuid && process.getuid() === 0) {
		const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
		const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
		if (!uid) throw new Error('running as root but no `postgres` user (it comes with the postgresql package)');
		fs.chmodSync(dir, 0o711); // a mkdtemp folder is 0700: let postgres through to its own
		fs.chownSync(pgDir, uid, gid);
		owner = { uid, gid, cwd: pgDir };
	}
	const t0 = Date.now();
	const user = 'n8n';
	const password = 'n8n-queue-test';
	// trust on loopback: only this test's processes reach a port that lives for one run
	pgTool('initdb', ['-D', dataDir, '-U', user, '--auth=trust', '-E', 'UTF8', '--locale=C'], owner);
	const logFile = path.join(pgDir, 'postgres.log');
	const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${pgDir} -c fsync=off -c max_connections=200`;
	pgTool('pg_ctl', ['-D', dataDir, '-o', opts, '-l', logFile, '-w', '-t', '60', 'start'], owner);
	pgTool('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, 'n8n'], owner);
	log(`postgres ${port} ready in ${Date.now() - t0} ms (data ${dataDir})`);
	const stop = async () => {
		try {
			pgTool('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop'], owner);
		} catch (err) {
			log(`postgres stop: ${err.message.split('\n')[0]}`);
		}
	};
	/** One SQL statement through psql; rows as arrays of strings. */
	const query = (sql) =>
		pgTool('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'n8n', '-At', '-F', '\t', '-c', sql], owner)
			.stdout.split('\n')
			.filter(Boolean)
			.map((l) => l.split('\t'));
	return { port, host: '127.0.0.1', user, password, database: 'n8n', stop, query };
}

module.exports = { ensureInstalled, startRedis, startPostgres, freePort, log };
