// Fault injection for the crash suite, loaded into a child with `node --import …/inject.mjs`.
// QBANK_FAULT_INJECT=<kind>:<n> makes the n-th call of that kind fail with EIO; kinds: fsync
// (fsync/fdatasync, sync and callback forms, FileHandle.sync), rename (sync, callback, promises).
// QBANK_FAULT_INJECT=count fails nothing and counts both kinds. QBANK_FAULT_COUNT names a file that
// receives the calls seen, at exit, as JSON { fsync, rename }.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const spec = process.env.QBANK_FAULT_INJECT ?? '';
const [kind, nth] = spec.split(':');
const target = Number(nth ?? 0);
const calls = { fsync: 0, rename: 0 };

function injected(syscall) {
  const k = /sync/.test(syscall) ? 'fsync' : 'rename';
  calls[k] += 1;
  if (k !== kind || calls[k] !== target) return null;
  const e = new Error(`EIO: i/o error (injected), ${syscall}`);
  Object.assign(e, { code: 'EIO', errno: -5, syscall });
  return e;
}

function wrapSync(name) {
  const original = fs[name];
  fs[name] = function (...args) {
    const e = injected(name);
    if (e) throw e;
    return original.apply(this, args);
  };
}

function wrapCallback(name) {
  const original = fs[name];
  fs[name] = function (...args) {
    const e = injected(name);
    const callback = args.at(-1);
    if (e && typeof callback === 'function') return void process.nextTick(() => callback(e));
    return original.apply(this, args);
  };
}

function wrapPromise(name) {
  const original = fs.promises[name];
  fs.promises[name] = async function (...args) {
    const e = injected(name);
    if (e) throw e;
    return original.apply(this, args);
  };
}

if (kind === 'fsync' || kind === 'count') {
  for (const n of ['fsyncSync', 'fdatasyncSync']) wrapSync(n);
  for (const n of ['fsync', 'fdatasync']) wrapCallback(n);
  // FileHandle.sync/datasync: patch the prototype of the first handle opened
  const open = fs.promises.open;
  let patched = false;
  fs.promises.open = async function (...args) {
    const handle = await open.apply(this, args);
    if (!patched) {
      patched = true;
      const proto = Object.getPrototypeOf(handle);
      for (const n of ['sync', 'datasync']) {
        const original = proto[n];
        proto[n] = async function (...a) {
          const e = injected(`FileHandle.${n}`);
          if (e) throw e;
          return original.apply(this, a);
        };
      }
    }
    return handle;
  };
}
if (kind === 'rename' || kind === 'count') {
  wrapSync('renameSync');
  wrapCallback('rename');
  wrapPromise('rename');
}
syncBuiltinESMExports();

process.on('exit', () => {
  if (process.env.QBANK_FAULT_COUNT) fs.writeFileSync(process.env.QBANK_FAULT_COUNT, JSON.stringify(calls));
});
