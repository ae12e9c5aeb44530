// text.js PDF - prints the text of every page as pdf.js (pdfjs-dist) reads it,
// normalised: "page N" lines, each followed by the page's words (runs of
// letters and digits), one per line.
// text.js --words TEXT - the same normalisation of a text file whose pages are
// separated by form feeds (pdftotext's output), to compare the two.
// Exit 1 with the messages if pdf.js cannot parse the file or warns about it.
'use strict';
const fs = require('fs');
const path = require('path');

// pdf.js reports problems through the console: collect them, except its
// notes that rendering polyfills (the optional 'canvas' package) are absent,
// which concern drawing, not reading.
const warnings = [];
const collect = (...args) => {
  const msg = args.join(' ');
  if (!/Cannot polyfill/.test(msg)) warnings.push(msg);
};
console.log = collect;
console.warn = collect;

function words(pages) {
  const out = [];
  pages.forEach((text, i) => {
    out.push(`page ${i + 1}`);
    for (const w of text.split(/[^\p{L}\p{N}]+/u)) if (w) out.push(w);
  });
  return out.join('\n') + '\n';
}

if (process.argv[2] === '--words') {
  const pages = fs.readFileSync(process.argv[3], 'utf8').split('\f');
  if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
  process.stdout.write(words(pages));
  process.exit(0);
}

const modules = path.resolve(process.env.PDFJS_MODULES || path.join(__dirname, 'node_modules'));
const pdfjs = require(path.join(modules, 'pdfjs-dist/legacy/build/pdf.js'));

async function main(file) {
  const data = new Uint8Array(fs.readFileSync(file));
  const doc = await pdfjs.getDocument({ data, verbosity: 1, isEvalSupported: false,
    useSystemFonts: false, stopAtErrors: true }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => it.str + (it.hasEOL ? '\n' : ' ')).join(''));
  }
  process.stdout.write(words(pages));
  if (warnings.length) throw new Error(warnings.join('\n'));
}

main(process.argv[2]).catch((e) => {
  process.stderr.write(`pdf.js: ${e && e.message ? e.message : e}\n`);
  process.exit(1);
});
