// Loads a WACZ with wabac.js (the engine of ReplayWeb.page) under Node and prints what wabac.js
// itself reports of the bundle's signature. Test-only; run by WabacSignatureTest.
// usage: node wabac-signature.mjs NODE_MODULES_DIR FILE.wacz
// Prints one line "record: {...}" per verification record wabac.js stored, one line
// "verifyInfo: {...}" with its summary, and "SIGNATURE: valid|invalid|absent".
// Exits 0 when wabac.js found the signature valid, 1 when invalid, 2 when absent or on error.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [modules, file] = process.argv.slice(2);
const load = (relative) => import(pathToFileURL(path.join(modules, relative)).href);
await load("fake-indexeddb/auto/index.mjs");
globalThis.self = globalThis;
globalThis.location = new URL("http://localhost:9/");

// wabac.js reads a WACZ over HTTP with range requests, as ReplayWeb.page does
const data = fs.readFileSync(file);
const server = http.createServer((req, res) => {
  const base = { "Content-Type": "application/wacz", "Accept-Ranges": "bytes", "Access-Control-Allow-Origin": "*" };
  const m = /bytes=(\d*)-(\d*)/.exec(req.headers.range || "");
  if (m) {
    const start = m[1] === "" ? Math.max(0, data.length - +m[2]) : +m[1];
    const end = m[1] !== "" && m[2] ? Math.min(+m[2], data.length - 1) : data.length - 1;
    res.writeHead(206, { ...base, "Content-Length": end - start + 1, "Content-Range": `bytes ${start}-${end}/${data.length}` });
    res.end(req.method === "HEAD" ? undefined : data.subarray(start, end + 1));
  } else {
    res.writeHead(200, { ...base, "Content-Length": data.length });
    res.end(req.method === "HEAD" ? undefined : data);
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
let code = 2;
try {
  const { WorkerLoader } = await load("@webrecorder/wabac/dist/swlib.js");
  const loader = new WorkerLoader(new EventTarget());
  const url = `http://127.0.0.1:${server.address().port}/${path.basename(file)}`;
  await loader.addCollection({ name: "c", file: { sourceUrl: url } }, () => {});
  const store = (await loader.loadColl("c")).store;
  const records = await store.db.getAll("verification");
  for (const r of records) {
    console.log("record: " + JSON.stringify(r));
  }
  console.log("verifyInfo: " + JSON.stringify(await store.getVerifyInfo()));
  // wabac.js's summary counts the "signature" record as valid whatever it found, so read the record
  const signature = records.find((r) => r.id === "signature");
  // an unsigned bundle gets the record too, with an empty expected value
  const verdict = !signature || signature.expected === "" ? "absent" : signature.matched === true ? "valid" : "invalid";
  console.log("SIGNATURE: " + verdict);
  code = verdict === "valid" ? 0 : verdict === "invalid" ? 1 : 2;
} catch (e) {
  console.log("ERROR: " + (e && e.stack || e));
} finally {
  server.close();
}
process.exit(code);
