#!/bin/bash
# The tagged PDF (docs/accessibility.md): for the bundled report, a --year
# report, --lang en, the tutorial plugin's report and the chart and table
# gallery, tests/tagging.py checks the structure tree against the content
# (every operator tagged or an Artifact, MCIDs and the ParentTree agree,
# headings match the outline, Figures have Alt, TH Scope, links Link
# elements and Contents, the tree's text is the content's in drawing order
# and pdftotext's less the Artifacts, every hyphenated word whole); then
# what a screen reader is told, element by element.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
/usr/bin/python3 -c "import pikepdf" 2>/dev/null || { echo "SKIP: python3-pikepdf not installed" >&2; exit 77; }
CHECK="/usr/bin/python3 $top_srcdir/tests/tagging.py"

# check NAME BUILD-ARGS...: builds, then runs the checker with the text and
# the hyphenated lines the build reports
check() {
  local name=$1
  shift
  "$RAPPORT" build "$@" -o "$TMP/$name.pdf" --stats >"$TMP/$name.stats" 2>"$TMP/$name.err"
  expect "$name: builds ($(head -3 "$TMP/$name.err"))" test $? -eq 0
  pdftotext -raw "$TMP/$name.pdf" "$TMP/$name.raw"
  local hy
  hy=$(sed -n 's/^hyphenated lines: *//p' "$TMP/$name.stats")
  $CHECK "$TMP/$name.pdf" --raw-text "$TMP/$name.raw" --hyphenated "${hy:-0}" >"$TMP/$name.check" 2>&1
  expect "$name: tagging.py finds no problem: $(head -5 "$TMP/$name.check")" test $? -eq 0
}
check report "$REPORT"
check year "$REPORT" --year 2018
check english "$REPORT" --lang en
check tutorial "$top_srcdir/tests/tutorial/report.json" --plugin-dir "$top_builddir/tests/tutorial/.libs"
mkdir "$TMP/gallery"
cp -r "$top_srcdir/tests/e2e/charts.json" "$top_srcdir/tests/e2e/img" "$TMP/gallery/"
cp "$DATA"/20*.json "$TMP/gallery/"
sed -i 's|"\.\./\.\./data/|"|' "$TMP/gallery/charts.json"
check gallery "$TMP/gallery/charts.json"

# the checker is not blind: an untagged page, a Figure without Alt and a
# link without Contents are each found
qpdf --qdf --object-streams=disable "$TMP/report.pdf" "$TMP/qdf.pdf"
/usr/bin/python3 - "$TMP/report.pdf" "$TMP" <<'PY'
import sys, pikepdf
src, tmp = sys.argv[1], sys.argv[2]
def variant(name, change):
    pdf = pikepdf.open(src)
    change(pdf)
    pdf.save(f"{tmp}/{name}.pdf")
def untag(pdf):
    page = pdf.pages[4]
    ops = [(o, op) for o, op in pikepdf.parse_content_stream(page) if str(op) not in ("BDC", "BMC", "EMC")]
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
def no_alt(pdf):
    for o in pdf.objects:
        if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Figure":
            del o["/Alt"]
def no_contents(pdf):
    for a in pdf.pages[1].obj.Annots:
        del a["/Contents"]
variant("untagged", untag)
variant("noalt", no_alt)
variant("nocontents", no_contents)
PY
$CHECK "$TMP/untagged.pdf" >"$TMP/out" 2>&1
expect "an untagged page is found" grep -q "page 5: .* is neither tagged nor an Artifact" "$TMP/out"
$CHECK "$TMP/noalt.pdf" >"$TMP/out" 2>&1
expect "a Figure without Alt is found" grep -q "a Figure has no /Alt" "$TMP/out"
$CHECK "$TMP/nocontents.pdf" >"$TMP/out" 2>&1
expect "a link without Contents is found" grep -q "page 2: a Link annotation has no /Contents" "$TMP/out"

# what a reader is told
R="$TMP/report.pdf"
tree() {
  /usr/bin/python3 - "$R" <<'PY'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
root = pdf.Root
print("Lang", root.Lang)
print("RoleMap", dict((str(k), str(v)) for k, v in root.StructTreeRoot.RoleMap.items()))
def walk(e, d):
    s = str(e.get("/S"))
    extra = ""
    for k in ("/Alt", "/ActualText", "/Lang"):
        if e.get(k) is not None:
            extra += f" {k}={str(e[k])}"
    a = e.get("/A")
    if a is not None:
        extra += "".join(f" {k}={v}" for k, v in a.items() if k != "/O")
    print("  " * d + s + extra)
    k = e.get("/K")
    for kid in (list(k) if isinstance(k, pikepdf.Array) else [k] if k is not None else []):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            walk(kid, d + 1)
walk(root.StructTreeRoot.K, 0)
PY
}
tree >"$TMP/tree"
expect "the catalog says Swedish" contains "$TMP/tree" "Lang sv-SE"
expect "the title is /Title, role-mapped to P" contains "$TMP/tree" "RoleMap {'/Title': '/P'}"
expect "the document has a Sect per chapter: the contents and 6 chapters" test "$(grep -c '^  /Sect$' "$TMP/tree")" -eq 7
expect "the contents are a TOC of TOCI" test "$(grep -c '/TOCI$' "$TMP/tree")" -ge 20
expect "lists are L > LI > Lbl + LBody, bullets /Disc" contains "$TMP/tree" "/L /ListNumbering=/Disc"
expect "a hyphenated word reads whole" grep -q "/Span /ActualText=Samordningsförbund" "$TMP/tree"
expect "column headers are TH /Scope /Column" contains "$TMP/tree" "/TH /Scope=/Column"
expect "a chart's Figure has the data's alt text and its values" \
  grep -q "/Figure /Alt=Stapeldiagram med antalet beviljade och nyttjade platser för varje år. Beviljade platser: 2016 4; 2017 4; 2018 15. Nyttjade platser: 2016 0; 2017 1; 2018 10. Värdena finns i tabellerna i avsnittet Diagramdata." "$TMP/tree"
R="$TMP/english.pdf"
tree >"$TMP/tree.en"
expect "--lang en: the catalog says English" contains "$TMP/tree.en" "Lang en-GB"
expect "--lang en: the data's Swedish prose says so" grep -q "/P /Lang=sv-SE" "$TMP/tree.en"
expect "--lang en: the generated labels have no other language" grep -q "^  /Sect$" "$TMP/tree.en"
expect "--lang en: a chart's alt text is English" grep -q "/Figure /Alt=Bar chart of the number of places granted and used each year. Places granted: 2016 4; " "$TMP/tree.en"
R="$TMP/gallery.pdf"
tree >"$TMP/tree.gallery"
expect "a chart section's Figure: its caption and values" \
  grep -q "/Figure /Alt=Anställda per år, kvinnor och män. Kvinnor: 2016 113; 2017 137; 2018 113; 2019 108; 2020 111. Män: 2016 " "$TMP/tree.gallery"
finish
