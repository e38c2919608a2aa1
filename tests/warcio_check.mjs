// Reads a WARC file with Webrecorder's warcio.js, an independent reader, and checks every
// record's WARC-Block-Digest and every response's WARC-Payload-Digest (SHA-1, base32).
// Usage: node warcio_check.mjs NODE_MODULES_DIR FILE.warc.gz
// Prints one JSON object: {"records", "responses", "blocks_checked", "payloads_checked",
// "mismatches": [...], "targets": [...]}; exits 0 when it could read the file at all.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [modules, file] = process.argv.slice(2);
const { WARCParser } = await import(pathToFileURL(`${modules}/warcio/dist/index.js`).href);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(bytes) {
  let bits = 0, value = 0, out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}
const sha1 = (data) => 'sha1:' + base32(createHash('sha1').update(data).digest());

const result = { records: 0, responses: 0, blocks_checked: 0, payloads_checked: 0,
                 mismatches: [], targets: [] };
// Pass 1: the whole block of every record, HTTP not parsed.
for await (const record of new WARCParser(createReadStream(file), { parseHttp: false })) {
  result.records++;
  const block = await record.readFully(false);
  const want = record.warcHeader('WARC-Block-Digest');
  if (want) {
    result.blocks_checked++;
    if (sha1(block) !== want)
      result.mismatches.push({ id: record.warcHeader('WARC-Record-ID'), block: sha1(block), want });
  }
}
// Pass 2: the HTTP payload of every response (after the HTTP head, as stored).
for await (const record of new WARCParser(createReadStream(file), { parseHttp: true })) {
  if (record.warcType !== 'response') continue;
  result.responses++;
  result.targets.push(record.warcTargetURI);
  const payload = await record.readFully(false);
  const want = record.warcHeader('WARC-Payload-Digest');
  if (want) {
    result.payloads_checked++;
    if (sha1(payload) !== want)
      result.mismatches.push({ id: record.warcHeader('WARC-Record-ID'), payload: sha1(payload), want });
  }
}
console.log(JSON.stringify(result));
