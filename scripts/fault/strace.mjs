// Reading `strace -f -e trace=socket,connect` output for the no-network proof: a socket of any family
// but AF_UNIX (local IPC) and AF_NETLINK (the kernel: interface lists) is network use, and so is a
// connect to any address family but those two. Lines look like
//   4711  socket(AF_INET6, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 21
//   4711  connect(21, {sa_family=AF_UNIX, sun_path="/run/x"}, 110) = -1 ENOENT (No such file or directory)
const LOCAL = new Set(['AF_UNIX', 'AF_LOCAL', 'AF_NETLINK']);

/** @param {string} text @returns {{ families: Record<string, number>, connects: number, offending: string[] }} */
export function analyseStrace(text) {
  const families = {};
  const offending = [];
  let connects = 0;
  for (const line of text.split('\n')) {
    const socket = /\bsocket\((\w+),/.exec(line);
    if (socket) {
      const family = socket[1];
      families[family] = (families[family] ?? 0) + 1;
      if (!LOCAL.has(family)) offending.push(line.trim());
      continue;
    }
    const connect = /\bconnect\(\d+, \{sa_family=(\w+)/.exec(line);
    if (connect) {
      connects += 1;
      if (!LOCAL.has(connect[1])) offending.push(line.trim());
    } else if (/\bconnect\(/.test(line) && !/resumed>/.test(line)) {
      // a connect whose address strace could not decode is not known to be local
      connects += 1;
      offending.push(line.trim());
    }
  }
  return { families, connects, offending };
}
