// Loaded with --require into a child_process.fork child: gives it the `process.parentPort` of an
// Electron utility process (messages from and to the parent), so the tests run render-child.cjs the
// way the desktop program does, under plain Node.
'use strict';
process.parentPort = {
  once: (event, listener) => process.once(event, (data) => listener({ data })),
  postMessage: (message) => process.send(message),
};
