#!/usr/bin/python3
"""Checks the tagging of a PDF rapport wrote (PDF/UA-1, PDF/A-3a): prints one
"FAIL what" line per problem and a summary; exit 0 if there is none.

usage: tagging.py FILE.pdf [--raw-text FILE] [--hyphenated N]

  --raw-text FILE   pdftotext -raw's text of the file: the text of the tagged
                    content in drawing order must be that text less the
                    Artifacts (running heads, leaders, repeated table heads)
  --hyphenated N    the build's hyphenated lines (rapport build --stats): so
                    many Span elements must give their word whole (ActualText)

What it checks, each against the file's own objects (read with pikepdf):
  - catalog: /MarkInfo /Marked true, /StructTreeRoot, /Lang, ViewerPreferences
    /DisplayDocTitle true; every standard type used or role-mapped to one
  - content: every text, path and image operator is inside an MCID sequence or
    an Artifact, never both; running heads and feet are /Pagination Artifacts
  - every MCID resolves through the ParentTree to an element whose /K holds it
    back, and every element's MCID or MCR is content that exists
  - headings: H1..H6 never skip a level, the first is H1, and their texts and
    levels are the outline's (title and depth), in the same order
  - every Figure has a non-empty /Alt, every TH a /Scope, every Table is
    regular (each row spans the same columns), every LI holds Lbl and LBody
  - every Link annotation has /Contents, a /StructParent leading to a Link
    element with an OBJR for it; its page has /Tabs /S
  - reading order: the tree's text (elements depth-first in /K order) is the
    tagged content's text in drawing order
This reads text as rapport writes it: Identity-H fonts whose 2-byte codes are
the characters (its ToUnicode maps are the identity).
"""
import re
import sys

import pikepdf

PAINT = {"Tj", "TJ", "'", '"', "Do", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "INLINE IMAGE"}
TEXT = {"Tj", "TJ", "'", '"'}
STANDARD = set(("Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 "
                "H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry "
                "Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form").split())

problems = []


def fail(msg):
    problems.append(msg)


def name(o):
    return str(o)[1:] if isinstance(o, pikepdf.Name) else None


def text_of(operands, op):
    """The characters a text operator shows: UCS-2 codes; a TJ gap wider than
    a sixth of an em reads as a space."""
    if op == "TJ":
        out = []
        for x in operands[0]:
            if isinstance(x, pikepdf.String):
                out.append(bytes(x).decode("utf-16-be", "replace"))
            elif float(x) < -166:
                out.append(" ")
        return "".join(out)
    s = operands[-1]
    return bytes(s).decode("utf-16-be", "replace") if isinstance(s, pikepdf.String) else ""


def hyphens_only(drawn, whole):
    """Is whole drawn less some of its hyphens?"""
    i = 0
    for c in drawn:
        if i < len(whole) and c == whole[i]:
            i += 1
        elif c != "-":
            return False
    return i == len(whole)


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(2)
    path = args[0]
    raw_text = hyphenated = None
    if "--raw-text" in args:
        raw_text = open(args[args.index("--raw-text") + 1], encoding="utf-8").read()
    if "--hyphenated" in args:
        hyphenated = int(args[args.index("--hyphenated") + 1])
    pdf = pikepdf.open(path)
    root = pdf.Root

    # ------------------------------------------------------------ catalog
    if not (root.get("/MarkInfo") is not None and root.MarkInfo.get("/Marked") is True):
        fail("catalog: no /MarkInfo /Marked true")
    str_root = root.get("/StructTreeRoot")
    if str_root is None:
        fail("catalog: no /StructTreeRoot")
        report(path)
    if not re.match(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", str(root.get("/Lang", ""))):
        fail(f"catalog: /Lang {root.get('/Lang')!r} is not a language tag")
    vp = root.get("/ViewerPreferences")
    if vp is None or vp.get("/DisplayDocTitle") is not True:
        fail("catalog: no /ViewerPreferences /DisplayDocTitle true")
    rolemap = {name(k) if False else str(k)[1:]: name(v) for k, v in (str_root.get("/RoleMap") or {}).items()}

    def std(s):
        seen = set()
        while s not in STANDARD and s in rolemap and s not in seen:
            seen.add(s)
            s = rolemap[s]
        return s if s in STANDARD else None

    # ------------------------------------------------- the structure tree
    pages = list(pdf.pages)
    page_no = {p.obj.objgen: i for i, p in enumerate(pages)}
    elems = []  # dicts: obj, S, std, parent, kids [("elem", i) | ("mc", page, mcid) | ("objr", annot objgen)]
    index = {}

    def walk(obj, parent):
        i = len(elems)
        index[obj.objgen] = i
        s = name(obj.get("/S"))
        e = {"obj": obj, "S": s, "std": std(s), "parent": parent, "kids": []}
        elems.append(e)
        if s is not None and e["std"] is None:
            fail(f"/{s} is neither a standard structure type nor role-mapped to one")
        if parent is not None and obj.get("/P") is not None and obj.P.objgen != elems[parent]["obj"].objgen:
            fail(f"{s} element's /P is not its parent")
        pg = obj.get("/Pg")
        k = obj.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]
        for kid in kids:
            if isinstance(kid, int):
                if pg is None:
                    fail(f"{s} has an MCID but no /Pg")
                    continue
                e["kids"].append(("mc", page_no.get(pg.objgen), int(kid)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                e["kids"].append(("mc", page_no.get(kid.Pg.objgen), int(kid.MCID)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                e["kids"].append(("objr", kid.Obj.objgen))
            elif isinstance(kid, pikepdf.Dictionary):
                if kid.objgen in index:
                    fail(f"element {kid.get('/S')} appears twice in the tree")
                    continue
                e["kids"].append(("elem", walk(kid, i)))
        return i

    top = str_root.get("/K")
    for k in (list(top) if isinstance(top, pikepdf.Array) else [top] if top is not None else []):
        walk(k, None)

    # -------------------------------------------------------- the content
    mc_owner = {}   # (page, mcid) -> element index, from the ParentTree
    nums = []

    def collect(node):
        if node.get("/Nums") is not None:
            n = list(node.Nums)
            nums.extend(zip(n[0::2], n[1::2]))
        for kid in node.get("/Kids") or []:
            collect(kid)
    collect(str_root.ParentTree)
    parent_tree = {int(k): v for k, v in nums}
    seq = []  # (page, mcid or None, artifact props or None, text, op)
    mc_text = {}
    for pi, page in enumerate(pages):
        stack = []
        seen = set()
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"):
                tag = name(operands[0])
                props = operands[1] if op == "BDC" and len(operands) > 1 else None
                mcid = int(props.MCID) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None
                art = tag == "Artifact"
                if art and any(m is not None for _, m in stack):
                    fail(f"page {pi + 1}: Artifact inside tagged content")
                if mcid is not None and any(a for a, _ in stack):
                    fail(f"page {pi + 1}: MCID {mcid} inside an Artifact")
                if mcid is not None:
                    if mcid in seen:
                        fail(f"page {pi + 1}: MCID {mcid} used twice")
                    seen.add(mcid)
                stack.append((art, mcid if mcid is not None else None))
                if art:
                    stack[-1] = (props if props is not None else True, None)
            elif op == "EMC":
                if not stack:
                    fail(f"page {pi + 1}: EMC without BDC")
                else:
                    stack.pop()
            elif op in PAINT:
                art = next((a for a, _ in reversed(stack) if a), None)
                mcid = next((m for _, m in reversed(stack) if m is not None), None)
                t = text_of(operands, op) if op in TEXT else ""
                if art is None and mcid is None:
                    fail(f"page {pi + 1}: {op} {t[:30]!r} is neither tagged nor an Artifact")
                    continue
                seq.append((pi, mcid, art, t, op))
                if mcid is not None:
                    mc_text.setdefault((pi, mcid), []).append(t)
        if stack:
            fail(f"page {pi + 1}: {len(stack)} marked-content sequences left open")
        sp = page.obj.get("/StructParents")
        if seen and sp is None:
            fail(f"page {pi + 1} has MCIDs but no /StructParents")
        if sp is not None:
            arr = parent_tree.get(int(sp))
            for m in seen:
                if arr is None or m >= len(arr) or not isinstance(arr[m], pikepdf.Dictionary):
                    fail(f"page {pi + 1} MCID {m}: not in the ParentTree")
                    continue
                mc_owner[(pi, m)] = index.get(arr[m].objgen)

    # MCIDs and elements point at each other
    owner_of = {}
    for i, e in enumerate(elems):
        for k in e["kids"]:
            if k[0] == "mc":
                if (k[1], k[2]) not in mc_text:
                    fail(f"{e['S']} references MCID {k[2]} on page {k[1]} that has no content")
                if (k[1], k[2]) in owner_of:
                    fail(f"MCID {k[2]} on page {k[1] + 1} has two elements")
                owner_of[(k[1], k[2])] = i
    for key, i in mc_owner.items():
        if owner_of.get(key) != i:
            fail(f"page {key[0] + 1} MCID {key[1]}: the ParentTree's element does not have it in /K")
    for key in mc_text:
        if key not in owner_of:
            fail(f"page {key[0] + 1} MCID {key[1]}: no element references it")

    # running heads and feet
    for pi, mcid, art, t, op in seq:
        if op in TEXT and t.strip() and mcid is None and isinstance(art, pikepdf.Dictionary):
            pass
    for pi, page in enumerate(pages):
        if pi == 0:
            continue
        foot = [s for s in seq if s[0] == pi and re.match(r"^(Sida|Page) \d+ (av|of) \d+$", s[3])]
        for s in foot:
            a = s[2]
            if not (isinstance(a, pikepdf.Dictionary) and a.get("/Type") == "/Pagination" and a.get("/Subtype") == "/Footer"):
                fail(f"page {pi + 1}: {s[3]!r} is not a /Pagination /Footer Artifact")
        if not foot:
            fail(f"page {pi + 1}: no page number")

    # -------------------------------------------------------- element rules
    def text(i, actual=True):
        e = elems[i]
        if actual and e["obj"].get("/ActualText") is not None:
            return str(e["obj"].ActualText)
        out = []
        for k in e["kids"]:
            if k[0] == "elem":
                out.append(text(k[1], actual))
            elif k[0] == "mc":
                out.append("".join(mc_text.get((k[1], k[2]), [])))
        return "".join(out)

    def kid_types(e):
        return [elems[k[1]]["std"] for k in e["kids"] if k[0] == "elem"]

    headings = []
    spans = 0
    for i, e in enumerate(elems):
        s = e["std"]
        kt = kid_types(e)
        if s == "Figure" and not str(e["obj"].get("/Alt", "")).strip():
            fail("a Figure has no /Alt")
        if s == "TH":
            a = e["obj"].get("/A")
            if a is None or a.get("/Scope") not in ("/Column", "/Row", "/Both"):
                fail(f"TH {text(i)[:30]!r} has no /Scope")
        if s == "LI" and kt != ["Lbl", "LBody"]:
            fail(f"LI has {kt}, not Lbl and LBody")
        if s == "L" and any(k not in ("LI", "Caption") for k in kt):
            fail(f"L has {kt}")
        if s in ("TOC",) and any(k not in ("TOC", "TOCI") for k in kt):
            fail(f"TOC has {kt}")
        if s == "Table":
            rows = [elems[k[1]] for k in e["kids"] if k[0] == "elem" and elems[k[1]]["std"] == "TR"]
            for k in e["kids"]:
                if k[0] == "elem" and elems[k[1]]["std"] in ("THead", "TBody", "TFoot"):
                    rows += [elems[r[1]] for r in elems[k[1]]["kids"] if r[0] == "elem"]
            widths = set()
            for r in rows:
                w = 0
                for c in r["kids"]:
                    ce = elems[c[1]]["obj"]
                    a = ce.get("/A")
                    w += int(a.get("/ColSpan", 1)) if a is not None else 1
                widths.add(w)
            if len(widths) > 1:
                fail(f"Table {text(i)[:30]!r} is not regular: rows of {sorted(widths)} columns")
        if s and re.match(r"^H[1-6]$", s):
            headings.append((int(s[1]), re.sub(r"\s+", " ", text(i)).strip()))
        if s == "Span" and e["obj"].get("/ActualText") is not None:
            spans += 1
            whole = str(e["obj"].ActualText)
            drawn = text(i, actual=False)
            if not hyphens_only(drawn.replace(" ", ""), whole) or drawn.count("-") == whole.count("-"):
                fail(f"Span ActualText {whole!r} is not its content {drawn!r} without the hyphen")
    last = 0
    for lv, t in headings:
        if lv > last + 1:
            fail(f"H{lv} {t[:40]!r} follows H{last}")
        last = lv
    outline = []

    def ol(node, depth):
        while node is not None:
            outline.append((depth, re.sub(r"\s+", " ", str(node.get("/Title", ""))).strip()))
            if node.get("/First") is not None:
                ol(node.First, depth + 1)
            node = node.get("/Next")
    if root.get("/Outlines") is not None and root.Outlines.get("/First") is not None:
        ol(root.Outlines.First, 1)
    if [(lv, t.replace(" ", "")) for lv, t in headings] != [(lv, t.replace(" ", "")) for lv, t in outline]:
        diff = next(((h, o) for h, o in zip(headings, outline) if (h[0], h[1].replace(" ", "")) != (o[0], o[1].replace(" ", ""))),
                    (len(headings), len(outline)))
        fail(f"headings {len(headings)} and outline {len(outline)} differ; first: {diff}")
    if hyphenated is not None and spans != hyphenated:
        fail(f"{spans} hyphenated words have ActualText, but the build hyphenated {hyphenated} lines")

    # ------------------------------------------------------- annotations
    objr_owner = {}
    for i, e in enumerate(elems):
        for k in e["kids"]:
            if k[0] == "objr":
                objr_owner[k[1]] = i
    for pi, page in enumerate(pages):
        annots = page.obj.get("/Annots") or []
        if len(annots) and page.obj.get("/Tabs") != "/S":
            fail(f"page {pi + 1} has annotations but no /Tabs /S")
        for a in annots:
            if a.get("/Subtype") != "/Link":
                continue
            if not str(a.get("/Contents", "")).strip():
                fail(f"page {pi + 1}: a Link annotation has no /Contents")
            sp = a.get("/StructParent")
            el = parent_tree.get(int(sp)) if sp is not None else None
            i = index.get(el.objgen) if isinstance(el, pikepdf.Dictionary) else None
            if i is None or elems[i]["std"] != "Link":
                fail(f"page {pi + 1}: a Link annotation's /StructParent is no Link element")
            elif objr_owner.get(a.objgen) != i:
                fail(f"page {pi + 1}: the Link element has no OBJR for its annotation")

    # ------------------------------------------------------ reading order
    order = []

    def leaves(i):
        for k in elems[i]["kids"]:
            if k[0] == "elem":
                leaves(k[1])
            elif k[0] == "mc":
                order.append((k[1], k[2]))
    for i, e in enumerate(elems):
        if e["parent"] is None:
            leaves(i)
    drawn = []
    for pi, mcid, art, t, op in seq:
        if mcid is not None and (not drawn or drawn[-1] != (pi, mcid)):
            drawn.append((pi, mcid))
    if order != drawn:
        at = next((n for n, (a, b) in enumerate(zip(order, drawn)) if a != b), min(len(order), len(drawn)))
        ctx = lambda lst: "".join("".join(mc_text.get(k, [])) for k in lst[max(0, at - 1):at + 2])
        fail(f"reading order: the tree's content {at} is {ctx(order)!r} but the page draws {ctx(drawn)!r}")
    if raw_text is not None:
        # the text of the tagged content in drawing order, less nothing but
        # whitespace, is pdftotext's (content order) less the Artifacts
        ws = re.compile(r"\s+")
        tagged = ws.sub("", "".join(t for pi, mcid, art, t, op in seq if mcid is not None))
        everything = ws.sub("", "".join(t for pi, mcid, art, t, op in seq))
        raw = ws.sub("", raw_text.replace("\f", ""))
        if everything != raw:
            at = next((n for n, (a, b) in enumerate(zip(everything, raw)) if a != b), 0)
            fail(f"the content's text is not pdftotext's: {everything[at - 20:at + 20]!r} / {raw[at - 20:at + 20]!r}")
        tree = ws.sub("", "".join(text(i, actual=False) for i, e in enumerate(elems) if e["parent"] is None))
        if tree != tagged:
            at = next((n for n, (a, b) in enumerate(zip(tree, tagged)) if a != b), 0)
            fail(f"the tree's text is not the tagged content's: {tree[at - 20:at + 20]!r} / {tagged[at - 20:at + 20]!r}")
    report(path, len(elems), len(seq))


def report(path, nelems=0, nitems=0):
    for p in problems[:40]:
        print("FAIL " + p)
    if len(problems) > 40:
        print(f"... and {len(problems) - 40} more")
    print(f"tagging: {path}: {len(problems)} problems ({nelems} elements, {nitems} content items)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
