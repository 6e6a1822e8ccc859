// The SVG renderer's child process (see rasterise.ts): resvg is native code, and a panic inside it
// aborts the process it runs in — here only this child. Run by plain Node (`node render-child.cjs
// <resvg module>`: one request on stdin, the answer on stdout) or as an Electron utility process
// (`utilityProcess.fork`: the request and the answer as messages on process.parentPort), since the
// packaged program has Electron's RunAsNode fuse off. A request is a 4-byte length, JSON options,
// then the SVG; an answer a 4-byte length, JSON result, then the PNG.
'use strict';
const { Resvg } = require(process.argv[process.argv.length - 1]);

function render(input) {
  const n = input.readUInt32BE(0);
  const request = JSON.parse(input.subarray(4, 4 + n).toString('utf8'));
  let resvg;
  try {
    resvg = new Resvg(input.subarray(4 + n), request.options);
  } catch (error) {
    return [{ error: String((error && error.message) || error) }];
  }
  const own = { width: resvg.width, height: resvg.height };
  if (!(own.width > 0 && own.height > 0 && Number.isFinite(own.width) && Number.isFinite(own.height))) return [{ noSize: true }];
  const width = request.widthPx ?? Math.ceil(own.width);
  const height = Math.ceil((own.height * width) / own.width);
  if (width > request.side || height > request.side || width * height > request.pixels) return [{ tooLarge: true, width, height }];
  const image = resvg.render();
  return [{ width: image.width, height: image.height }, image.asPng()];
}

function answer(result, png) {
  const head = Buffer.from(JSON.stringify(result), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(head.length);
  return Buffer.concat([size, head, png ?? Buffer.alloc(0)]);
}

const port = process.parentPort;
if (port) {
  port.once('message', (event) => port.postMessage(answer(...render(Buffer.from(event.data)))));
} else {
  process.stdout.write(answer(...render(require('node:fs').readFileSync(0))));
}
