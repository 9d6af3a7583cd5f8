/** Counts outgoing socket connections and DNS look-ups made in this process while `run` runs. */
import dns from 'node:dns';
import net from 'node:net';

const originalConnect = net.Socket.prototype.connect;
const originalLookup = dns.lookup;

export async function countNetwork<T>(run: () => Promise<T>): Promise<{ value: T; connects: string[]; lookups: string[] }> {
	const connects: string[] = [];
	const lookups: string[] = [];
	const connect = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args: unknown[]) {
		connects.push(JSON.stringify(args[0]));
		return originalConnect.apply(this, args as never);
	});
	const lookup = jest.spyOn(dns, 'lookup').mockImplementation(((...args: unknown[]) => {
		lookups.push(String(args[0]));
		return (originalLookup as (...a: unknown[]) => unknown)(...args);
	}) as never);
	try {
		return { value: await run(), connects, lookups };
	} finally {
		connect.mockRestore();
		lookup.mockRestore();
	}
}
