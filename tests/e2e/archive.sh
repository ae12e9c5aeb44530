#!/bin/bash
# Archive-grade output (docs/archiving.md): the PDF/A-3a properties as
# independent readers see them, the embedded inputs and manifest, byte-identical
# rebuilds, `rapport extract` and `rapport verify`, and that poppler, qpdf,
# mupdf and Ghostscript all read the file without complaint.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
for tool in mutool gs pdfdetach pdffonts sha256sum md5sum cmp; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed" >&2; exit 77; }
done
unset SOURCE_DATE_EPOCH

PDF="$TMP/a.pdf"
"$RAPPORT" build "$REPORT" -o "$PDF" -q 2>"$TMP/build.err"
expect "the build succeeds" test -s "$PDF"
expect "the build warns about nothing (no .notdef glyph drawn): $(cat "$TMP/build.err")" \
  test ! -s "$TMP/build.err"

# ------------------------------------------------------------ deterministic
"$RAPPORT" build "$REPORT" -o "$TMP/b.pdf" -q
expect "two builds of the same data are byte-identical" cmp -s "$PDF" "$TMP/b.pdf"
cp -r "$DATA" "$TMP/moved"
"$RAPPORT" build "$TMP/moved/slutrapport-2016-2020.json" -o "$TMP/c.pdf" -q
expect "a build from a copy of the data elsewhere is byte-identical" cmp -s "$PDF" "$TMP/c.pdf"
sed -i 's/"date": "2021-02-11"/"date": "2021-02-12"/' "$TMP/moved/slutrapport-2016-2020.json"
"$RAPPORT" build "$TMP/moved/slutrapport-2016-2020.json" -o "$TMP/c.pdf" -q
expect "changed data gives a different file" not cmp -s "$PDF" "$TMP/c.pdf"
# the trailer's /ID as written (in the cross-reference stream's dictionary:
# qpdf shows binary strings as literals or in hex as it likes)
id_of() { grep -ao '/ID \[ *<[0-9A-F]*> *<[0-9A-F]*> *\]' "$1" | tail -1 | sed -E 's/.*<([0-9A-F]*)> *<([0-9A-F]*)>.*/\1 \2/'; }
read -r id1 id2 <<<"$(id_of "$PDF")"
expect "the /ID is two equal 16-byte strings" test "${#id1}" -eq 32 -a "$id1" = "$id2"
read -r id3 _ <<<"$(id_of "$TMP/c.pdf")"
expect "the /ID follows the content" test -n "$id3" -a "$id3" != "$id1"

# SOURCE_DATE_EPOCH sets the modification date; never the clock
SOURCE_DATE_EPOCH=1700000000 "$RAPPORT" build "$REPORT" -o "$TMP/e1.pdf" -q
sleep 1
SOURCE_DATE_EPOCH=1700000000 "$RAPPORT" build "$REPORT" -o "$TMP/e2.pdf" -q
expect "SOURCE_DATE_EPOCH builds are byte-identical" cmp -s "$TMP/e1.pdf" "$TMP/e2.pdf"
pdfinfo -isodates "$TMP/e1.pdf" >"$TMP/e1.info"
expect "ModDate comes from SOURCE_DATE_EPOCH" grep -q '^ModDate: *2023-11-14T22:13:20Z' "$TMP/e1.info"
expect "CreationDate still comes from the data" grep -q '^CreationDate: *2021-02-11T00:00:00Z' "$TMP/e1.info"
pdfinfo -meta "$TMP/e1.pdf" >"$TMP/e1.xmp"
expect "the XMP ModifyDate matches" contains "$TMP/e1.xmp" "<xmp:ModifyDate>2023-11-14T22:13:20Z</xmp:ModifyDate>"
echo "previous" >"$TMP/keep.pdf"
SOURCE_DATE_EPOCH=yesterday "$RAPPORT" build "$REPORT" -o "$TMP/keep.pdf" 2>"$TMP/err"
expect "a bad SOURCE_DATE_EPOCH is invalid data (exit 3)" test $? -eq 3
expect "the bad SOURCE_DATE_EPOCH is named" contains "$TMP/err" "SOURCE_DATE_EPOCH='yesterday'"
expect "and the existing file is untouched" test "$(cat "$TMP/keep.pdf")" = previous

# ------------------------------------------------------- PDF/A-3b, by parts
head -c 8 "$PDF" >"$TMP/header"
expect "the header says PDF 1.7" test "$(cat "$TMP/header")" = "%PDF-1.7"
qpdf --check "$PDF" >"$TMP/qpdf.out" 2>&1
expect "qpdf --check finds no error: $(tail -3 "$TMP/qpdf.out")" test $? -eq 0
expect "qpdf --check reports no syntax or stream error" contains "$TMP/qpdf.out" "No syntax or stream encoding errors"
expect "qpdf --check gives no warning" not grep -qi "warning" "$TMP/qpdf.out"

pdfinfo -isodates "$PDF" >"$TMP/info"
info() { sed -n "s/^$1: *//p" "$TMP/info"; }
pdfinfo -meta "$PDF" >"$TMP/xmp"
xmp() { sed -n "s/.*<$1>\(<rdf:[A-Za-z]*><rdf:li[^>]*>\)\{0,1\}\([^<]*\)<.*/\2/p" "$TMP/xmp"; }
expect "XMP: pdfaid:part 3" test "$(xmp pdfaid:part)" = 3
expect "XMP: pdfaid:conformance A (tagged, PDF/A-3a)" test "$(xmp pdfaid:conformance)" = A
expect "XMP: pdfuaid:part 1 (PDF/UA-1)" test "$(xmp pdfuaid:part)" = 1
expect "XMP dc:title = Info Title" test "$(xmp dc:title)" = "$(info Title)" -a -n "$(info Title)"
expect "XMP dc:creator = Info Author" test "$(xmp dc:creator)" = "$(info Author)" -a -n "$(info Author)"
expect "XMP dc:description = Info Subject" test "$(xmp dc:description)" = "$(info Subject)" -a -n "$(info Subject)"
expect "XMP pdf:Keywords = Info Keywords" test "$(xmp pdf:Keywords)" = "$(info Keywords)" -a -n "$(info Keywords)"
expect "XMP pdf:Producer = Info Producer" test "$(xmp pdf:Producer)" = "$(info Producer)" -a -n "$(info Producer)"
expect "XMP xmp:CreatorTool = Info Creator" test "$(xmp xmp:CreatorTool)" = "$(info Creator)" -a -n "$(info Creator)"
expect "XMP xmp:CreateDate = Info CreationDate, with a time zone" \
  test "$(xmp xmp:CreateDate)" = "$(info CreationDate)" -a "$(info CreationDate)" = 2021-02-11T00:00:00Z
expect "XMP xmp:ModifyDate = Info ModDate" test "$(xmp xmp:ModifyDate)" = "$(info ModDate)"
expect "XMP dc:language = /Lang" test "$(xmp dc:language)" = sv-SE

qpdf --json=2 --json-key=qpdf "$PDF" >"$TMP/a.json"
q() { jq -r ". as \$R | $1" "$TMP/a.json"; }
OBJ='$R.qpdf[1]'
CAT="$OBJ[\"obj:\" + ($OBJ.trailer.value[\"/Root\"])].value"
expect "/Lang sv-SE in the catalog" test "$(q "$CAT[\"/Lang\"]")" = "u:sv-SE"
expect "the XMP stream is /Type /Metadata /Subtype /XML, unfiltered" test "$(q "$OBJ[\"obj:\" + $CAT[\"/Metadata\"]].stream.dict | [.[\"/Type\"], .[\"/Subtype\"], (has(\"/Filter\")|tostring)] | join(\" \")")" = "/Metadata /XML false"
expect "one output intent, GTS_PDFA1, sRGB" test "$(q "[$CAT[\"/OutputIntents\"][] as \$r | $OBJ[\"obj:\" + \$r].value | .[\"/S\"] + \" \" + .[\"/OutputConditionIdentifier\"]] | join(\",\")")" = "/GTS_PDFA1 u:sRGB IEC61966-2.1"
expect "the output intent's ICC profile has 3 components" test "$(q "$OBJ[\"obj:\" + $OBJ[\"obj:\" + $CAT[\"/OutputIntents\"][0]].value[\"/DestOutputProfile\"]].stream.dict[\"/N\"]")" = 3
expect "every annotation is printable (/F 4)" test "$(q "[$OBJ[] | .value? | objects | select(.[\"/Type\"] == \"/Annot\" or .[\"/Subtype\"] == \"/Link\") | .[\"/F\"]] | (length > 0 and all(. == 4))")" = true
expect "no transparency: no soft mask, alpha or transparency group" test "$(q "[$OBJ[] | (.value?, .stream?.dict?) | objects | select(has(\"/SMask\") or (has(\"/CA\") and .[\"/CA\"] != 1) or (has(\"/ca\") and .[\"/ca\"] != 1) or (.[\"/Group\"]?[\"/S\"]? == \"/Transparency\"))] | length")" = 0
expect "no encryption, no JavaScript" test "$(q "$OBJ.trailer.value | has(\"/Encrypt\")")" = false
pdffonts "$PDF" >"$TMP/fonts"
expect "pdffonts lists fonts" test "$(tail -n +3 "$TMP/fonts" | wc -l)" -ge 2
expect "every font is embedded with a ToUnicode map" test -z "$(tail -n +3 "$TMP/fonts" | awk '$(NF-4) != "yes" || $(NF-2) != "yes"')"

# ------------------------------------------------------ the source inside
names="2016.json 2017.json 2018.json 2019.json 2020.json rapport-manifest.json slutrapport-2016-2020.json"
expect "the /EmbeddedFiles name tree is in byte order with every input and the manifest" \
  test "$(q "[$CAT[\"/Names\"][\"/EmbeddedFiles\"][\"/Names\"] | to_entries[] | select(.key % 2 == 0) | .value | ltrimstr(\"u:\")] | join(\" \")")" = "$names"
expect "the catalog /AF lists the same 7 file specifications" \
  test "$(q "[$CAT[\"/AF\"][] as \$r | $OBJ[\"obj:\" + \$r].value[\"/UF\"] | ltrimstr(\"u:\")] | sort | join(\" \")")" = "$names"
SPECS="[$CAT[\"/AF\"][] as \$r | $OBJ[\"obj:\" + \$r].value]"
expect "each is /Type /Filespec with /F = /UF, a /Desc and an /EF stream" \
  test "$(q "$SPECS | all(.[\"/Type\"] == \"/Filespec\" and .[\"/F\"] == .[\"/UF\"] and has(\"/Desc\") and (.[\"/EF\"][\"/F\"] | type) == \"string\")")" = true
expect "inputs are /AFRelationship /Source, the manifest /Supplement" \
  test "$(q "$SPECS | map(.[\"/UF\"] + \"=\" + .[\"/AFRelationship\"]) | sort | join(\" \")")" = "u:2016.json=/Source u:2017.json=/Source u:2018.json=/Source u:2019.json=/Source u:2020.json=/Source u:rapport-manifest.json=/Supplement u:slutrapport-2016-2020.json=/Source"
expect "each embedded stream is /Type /EmbeddedFile, MIME application/json" \
  test "$(q "$SPECS | map($OBJ[\"obj:\" + .[\"/EF\"][\"/F\"]].stream.dict | .[\"/Type\"] + \" \" + .[\"/Subtype\"]) | unique | join(\",\")")" = "/EmbeddedFile /application/json"
pdfdetach -list "$PDF" >"$TMP/detach"
expect "pdfdetach lists 7 embedded files" contains "$TMP/detach" "7 embedded files"
mkdir "$TMP/saved"
pdfdetach -saveall -o "$TMP/saved" "$PDF"
for f in slutrapport-2016-2020.json 2016.json 2017.json 2018.json 2019.json 2020.json; do
  expect "pdfdetach gets $f back byte for byte" cmp -s "$DATA/$f" "$TMP/saved/$f"
  size=$(stat -c %s "$DATA/$f")
  sum=$(md5sum <"$DATA/$f" | cut -d' ' -f1)
  expect "$f: /Params /Size and MD5 /CheckSum match the file, /ModDate is the document's" \
    test "$(q "$SPECS | map(select(.[\"/UF\"] == \"u:$f\"))[0] | $OBJ[\"obj:\" + .[\"/EF\"][\"/F\"]].stream.dict[\"/Params\"] | (.[\"/Size\"]|tostring) + \" \" + .[\"/CheckSum\"] + \" \" + .[\"/ModDate\"]")" = "$size b:$sum u:D:20210211000000Z"
  expect "the manifest has $f's SHA-256" \
    test "$(jq -r --arg f "$f" '.inputs[] | select(.name == $f) | .sha256' "$TMP/saved/rapport-manifest.json")" = "$(sha256sum <"$DATA/$f" | cut -d' ' -f1)"
done
M="$TMP/saved/rapport-manifest.json"
expect "the manifest names the rapport version" test "$(jq -r .rapport "$M")" = "$("$RAPPORT" --version | cut -d' ' -f2)"
expect "the manifest records the options" test "$(jq -c .options "$M")" = '{"year":0,"lang":"sv"}'
for p in outreach placements census analysis; do
  expect "the manifest has plugin $p with its version, file, ABI and API level (not the .so's bytes)" \
    test "$(jq -r --arg p "$p" '.plugins[] | select(.name == $p) | "\(.version) \(.file) \(.abi) \(.api_level) \(.sha256)"' "$M")" = \
    "$("$RAPPORT" plugins | awk -v p="$p" '$1 == p {print $2}') $p.so 1 2 null"
done
expect "the manifest names the libraries that shape the bytes" \
  test "$(jq -r '.libraries | map(.name) | join(" ")' "$M")" = "libharu libdeflate cJSON"
expect "the manifest has the hyphenation patterns' file and SHA-256" \
  test "$(jq -r '.hyphenation | .file + " " + .sha256' "$M")" = "hyph_sv_SE.dic $(sha256sum <"$(jq -r .hyphenation.file "$M" | sed "s|^|${HYPHEN_DIR:-/usr/share/hyphen}/|")" | cut -d' ' -f1)"
expect "the manifest records no absolute path" not grep -q '"/' "$M"

# ------------------------------------------------- other readers agree
pdftotext "$PDF" "$TMP/text" 2>"$TMP/pdftotext.err"
expect "pdftotext gives no warning: $(head -3 "$TMP/pdftotext.err")" test ! -s "$TMP/pdftotext.err"
expect "pdftotext finds the title page" contains "$TMP/text" "Samordningsförbund Gävleborg"
pages=$(info Pages)
mutool info "$PDF" >"$TMP/mutool.info" 2>&1
expect "mutool info reads it: $(grep -i error "$TMP/mutool.info" | head -2)" test $? -eq 0
expect "mutool info sees $pages pages and no error" sh -c "grep -q '^Pages: $pages\$' '$TMP/mutool.info' && ! grep -qi error '$TMP/mutool.info'"
mutool draw -q -r 20 -o "$TMP/mu%d.png" "$PDF" 2>"$TMP/mutool.err"
expect "mutool draw renders without error: $(head -2 "$TMP/mutool.err")" test $? -eq 0
# Debian's mupdf is built without lcms2; that is its limit, not the file's
expect "mutool draw says nothing but its missing ICC support" \
  test -z "$(grep -v '^warning: ICC support is not available$' "$TMP/mutool.err")"
expect "mutool draws $pages pages" test "$(ls "$TMP"/mu*.png | wc -l)" -eq "$pages"
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=bbox "$PDF" >"$TMP/gs.out" 2>&1
expect "Ghostscript renders it without error: $(grep -iv boundingbox "$TMP/gs.out" | head -3)" test $? -eq 0
expect "Ghostscript renders all $pages pages and reports nothing else" \
  sh -c "test \$(grep -c '^%%BoundingBox' '$TMP/gs.out') -eq $pages && ! grep -qvi 'boundingbox' '$TMP/gs.out'"

# --------------------------------------------------------------- extract
"$RAPPORT" extract "$PDF" -o "$TMP/x" >"$TMP/out" 2>"$TMP/err"
expect "extract succeeds: $(head -2 "$TMP/err")" test $? -eq 0
for f in slutrapport-2016-2020.json 2016.json 2017.json 2018.json 2019.json 2020.json; do
  expect "extract writes $f back byte for byte" cmp -s "$DATA/$f" "$TMP/x/$f"
done
expect "extract writes the manifest" cmp -s "$M" "$TMP/x/rapport-manifest.json"
"$RAPPORT" check "$TMP/x/slutrapport-2016-2020.json" -q >/dev/null 2>&1
expect "the extracted data passes rapport check" test $? -eq 0
echo "mine" >"$TMP/x/2018.json"
"$RAPPORT" extract "$PDF" -o "$TMP/x" >/dev/null 2>"$TMP/err"
expect "extract into a directory with the files refuses (exit 5)" test $? -eq 5
expect "and says it never overwrites" contains "$TMP/err" "never overwrites"
expect "and leaves the existing file alone" test "$(cat "$TMP/x/2018.json")" = mine
# a hostile name, added by another tool
echo '{}' >"$TMP/evil.json"
qpdf "$PDF" --add-attachment "$TMP/evil.json" --key=../evil.json --filename=../evil.json -- "$TMP/evil.pdf"
mkdir "$TMP/sub"
"$RAPPORT" extract "$TMP/evil.pdf" -o "$TMP/sub/x" >/dev/null 2>"$TMP/err"
expect "extract refuses a name with .. (exit 3)" test $? -eq 3
expect "and names it" contains "$TMP/err" '"../evil.json"'
expect "and writes nothing" test ! -e "$TMP/sub/evil.json" -a ! -e "$TMP/sub/x"
"$RAPPORT" extract "$TMP/text" -o "$TMP/y" >/dev/null 2>"$TMP/err"
expect "extract of a non-PDF is invalid data (exit 3)" test $? -eq 3

# ---------------------------------------------------------------- verify
"$RAPPORT" verify "$PDF" >"$TMP/out" 2>"$TMP/err"
expect "verify of a fresh build succeeds: $(cat "$TMP/out" "$TMP/err" | head -3)" test $? -eq 0
expect "verify says byte-identical" contains "$TMP/out" "verified: rebuilt byte-identical"
"$RAPPORT" verify "$TMP/e1.pdf" >"$TMP/out" 2>&1
expect "verify reuses the recorded SOURCE_DATE_EPOCH: $(head -2 "$TMP/out")" test $? -eq 0
"$RAPPORT" build "$REPORT" --year 2018 --lang en -o "$TMP/y2018.pdf" -q
"$RAPPORT" verify "$TMP/y2018.pdf" >"$TMP/out" 2>&1
expect "verify of a single-year English report succeeds: $(head -2 "$TMP/out")" test $? -eq 0

# re-saved by another tool: same data, different bytes
qpdf "$PDF" "$TMP/resaved.pdf"
"$RAPPORT" verify "$TMP/resaved.pdf" >"$TMP/out" 2>&1
expect "verify of a re-saved file says it differs (exit 6)" test $? -eq 6
expect "and that the bytes differ" grep -q "bytes: the rebuild differs from byte" "$TMP/out"
expect "and nothing else" test "$(grep -c ': \(data\|rapport version\|plugin\|font\|library\|hyphenation\|ICC\)' "$TMP/out")" -eq 0

# embedded data changed after the build
sed 's/"year": 2018/"year": 2018 /' "$DATA/2018.json" >"$TMP/2018.json"
qpdf "$PDF" --add-attachment "$TMP/2018.json" --key=2018.json --replace -- "$TMP/tampered.pdf"
"$RAPPORT" verify "$TMP/tampered.pdf" >"$TMP/out" 2>&1
expect "verify of changed data fails (exit 6)" test $? -eq 6
expect "and names the changed file and its hash" grep -q "data: 2018.json has SHA-256 $(sha256sum <"$TMP/2018.json" | cut -d' ' -f1), but the manifest says" "$TMP/out"
"$RAPPORT" extract "$TMP/tampered.pdf" -o "$TMP/t" >/dev/null 2>"$TMP/err"
expect "extract of changed data writes it but fails (exit 6)" test $? -eq 6 -a -s "$TMP/t/2018.json"

# made by another rapport version (the manifest says so)
jq '.rapport = "0.0.9"' "$M" >"$TMP/rapport-manifest.json"
qpdf "$PDF" --add-attachment "$TMP/rapport-manifest.json" --key=rapport-manifest.json --replace -- "$TMP/old.pdf"
"$RAPPORT" verify "$TMP/old.pdf" >"$TMP/out" 2>&1
expect "verify of another version's PDF fails (exit 6)" test $? -eq 6
expect "and names both versions" grep -q "rapport version: the PDF was made with 0.0.9, the rebuild used $(jq -r .rapport "$M")" "$TMP/out"

# another build of the same plugin (other bytes, same source): still verified
mkdir "$TMP/plugins"
cp "$top_builddir/.libs/census.so" "$TMP/plugins/census.so"
printf 'x' >>"$TMP/plugins/census.so"
"$RAPPORT" verify "$PDF" --plugin-dir "$TMP/plugins" >"$TMP/out" 2>&1
rc=$?
expect "verify with another build of census.so passes (exit 0, got $rc)" test $rc -eq 0
# another version of the census plugin
sed 's/\.version = "1\.0\.0"/.version = "1.0.1"/' "$top_srcdir/plugins/census/census.c" >"$TMP/census.c"
${CC:-cc} -std=c11 -shared -fPIC -fvisibility=hidden -I"$top_srcdir/include" "$TMP/census.c" \
  -o "$TMP/plugins/census.so"
"$RAPPORT" verify "$PDF" --plugin-dir "$TMP/plugins" >"$TMP/out" 2>&1
rc=$?
expect "verify with census 1.0.1 fails (exit 6, got $rc)" test $rc -eq 6
expect "and names the plugin and both versions" grep -q "plugin census: the PDF was made with census.so, version 1.0.0, ABI 1, API level 2, the rebuild used census.so, version 1.0.1, ABI 1, API level 2" "$TMP/out"
expect "and says what to do" grep -q "for the same bytes, rebuild with what the PDF was made with (above), or keep the PDF as it is" "$TMP/out"
# another libharu (the manifest of the PDF says 0.9)
jq '(.libraries[] | select(.name == "libharu") | .version) = "0.9"' "$M" >"$TMP/rapport-manifest.json"
qpdf "$PDF" --add-attachment "$TMP/rapport-manifest.json" --key=rapport-manifest.json --replace -- "$TMP/oldharu.pdf"
"$RAPPORT" verify "$TMP/oldharu.pdf" >"$TMP/out" 2>&1
expect "verify of a PDF made with another libharu fails (exit 6)" test $? -eq 6
expect "and names the library and both versions" grep -q "library libharu: the PDF was made with version 0.9, the rebuild used version 2.3.0" "$TMP/out"
# other hyphenation patterns
jq '.hyphenation.sha256 = "00"' "$M" >"$TMP/rapport-manifest.json"
qpdf "$PDF" --add-attachment "$TMP/rapport-manifest.json" --key=rapport-manifest.json --replace -- "$TMP/olddict.pdf"
"$RAPPORT" verify "$TMP/olddict.pdf" >"$TMP/out" 2>&1
expect "verify of a PDF made with other hyphenation patterns fails (exit 6)" test $? -eq 6
expect "and names the patterns" grep -q "hyphenation patterns: the PDF was made with hyph_sv_SE.dic, SHA-256 00, the rebuild used hyph_sv_SE.dic, SHA-256 " "$TMP/out"
expect "verify leaves no scratch directory behind" test -z "$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'rapport-verify.*' -newer "$PDF" 2>/dev/null)"

# the yearly routine of README.md, for a new year 2021
cp -r "$DATA" "$TMP/next"
sed 's/"year": 2020,/"year": 2021,/' "$DATA/2020.json" >"$TMP/next/2021.json"
jq '.years += ["2021.json"] | .period.last = 2021' "$DATA/slutrapport-2016-2020.json" \
  >"$TMP/next/slutrapport-2016-2020.json"
"$RAPPORT" check "$TMP/next/slutrapport-2016-2020.json" >"$TMP/out" 2>&1
expect "routine: check accepts the new year: $(head -2 "$TMP/out")" grep -q ': ok (6 years' "$TMP/out"
Y="$TMP/samordningsforbund-gavleborg-2021-arsrapport.pdf"
"$RAPPORT" build "$TMP/next/slutrapport-2016-2020.json" --year 2021 -o "$Y" -q
"$RAPPORT" verify "$Y" >"$TMP/out" 2>&1
expect "routine: the 2021 report verifies: $(head -2 "$TMP/out")" test $? -eq 0
expect "routine: it is titled for 2021 and embeds 2021.json" \
  sh -c "pdfinfo '$Y' | grep -q '^Title: *Årsrapport 2021' && pdfdetach -list '$Y' | grep -q ' 2021.json\$'"

"$RAPPORT" verify "$TMP/text" >/dev/null 2>&1
expect "verify of a non-PDF is invalid data (exit 3)" test $? -eq 3
"$RAPPORT" verify "$PDF" --year 2018 >/dev/null 2>&1
expect "verify takes no --year (exit 2)" test $? -eq 2
finish
