// exceljs 4.4's streaming reader decodes every inflated chunk of a sheet on its own
// (lib/utils/browser-buffer-decode.js calls `textDecoder.decode(chunk)` without `{ stream: true }`),
// so a Chinese character that straddles two chunks becomes two U+FFFD: 3 plates in 50,000 rows of
// the import bench came out as "���RJ3NKV". That module keeps one module-private TextDecoder,
// made when it loads. We load it first, while TextDecoder makes streaming decoders: bytes left over
// at the end of a chunk wait for the next one. The reader parses one zip entry at a time and every
// entry ends on a whole character, so nothing carries over between entries. Imported first by the
// core (index.ts) and by the import reader, before anything loads exceljs.
import { createRequire } from 'node:module';

const load = createRequire(__filename);

class StreamingTextDecoder extends TextDecoder {
  override decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    return super.decode(input, { stream: true, ...options });
  }
}

function install(): (chunk: Uint8Array) => string {
  const path = load.resolve('exceljs/lib/utils/browser-buffer-decode.js');
  if (!load.cache[path]) {
    const original = globalThis.TextDecoder;
    globalThis.TextDecoder = StreamingTextDecoder;
    try {
      load(path);
    } finally {
      globalThis.TextDecoder = original;
    }
  }
  return (load(path) as { bufferToString(chunk: Uint8Array): string }).bufferToString;
}

const bufferToString = install();

/** True when exceljs decodes a character split across two chunks (checked by the import reader and a test). */
export function exceljsDecodesSplitCharacters(): boolean {
  const zhong = Buffer.from('中', 'utf8');
  return bufferToString(zhong.subarray(0, 2)) + bufferToString(zhong.subarray(2)) === '中';
}
