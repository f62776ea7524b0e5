// Writes a WARC with warcio.js (request and response records for two HTML pages and a PNG) and
// packs it into a WACZ with js-wacz: the archives of two third-party writers, for arca's interop test.
// Usage: node write-warc-and-wacz.mjs PAGES.json OUT.warc.gz OUT.wacz   (run with NODE_PATH unset,
// from a directory whose node_modules holds warcio and @harvard-lil/js-wacz)
import { readFileSync, createWriteStream } from 'fs'
import { WARCRecord, WARCSerializer } from 'warcio'
import { WACZ } from '@harvard-lil/js-wacz'

const [pagesFile, warcFile, waczFile] = process.argv.slice(2)
const pages = JSON.parse(readFileSync(pagesFile, 'utf8'))
const out = createWriteStream(warcFile)

async function * bytes (b) { yield b }

for (const p of pages) {
  const body = Buffer.from(p.body, 'base64')
  const date = p.date
  const request = await WARCRecord.create({
    url: p.url, date, type: 'request', warcVersion: 'WARC/1.1',
    httpHeaders: { Host: new URL(p.url).host, 'User-Agent': 'warcio.js-test' },
    statusline: `GET ${new URL(p.url).pathname} HTTP/1.1`
  }, bytes(new Uint8Array()))
  const response = await WARCRecord.create({
    url: p.url, date, type: 'response', warcVersion: 'WARC/1.1',
    httpHeaders: { 'Content-Type': p.type, 'Content-Length': String(body.length) },
    statusline: 'HTTP/1.1 200 OK'
  }, bytes(new Uint8Array(body)))
  for (const record of [response, request]) {
    out.write(await WARCSerializer.serialize(record, { gzip: true }))
  }
}
await new Promise((resolve, reject) => out.end(err => err ? reject(err) : resolve()))

const quiet = { info () {}, trace () {}, warn () {}, error (e) { console.error(e) } }
const wacz = new WACZ({ input: warcFile, output: waczFile, url: pages[0].url, log: quiet, detectPages: true })
await wacz.process()
