#!/usr/bin/env python3
"""Byline and date accuracy of arca's predictions against a corpus's expected metadata.

    metadata_accuracy.py --corpus DIR --pred OUT [--per-doc]

DIR/<id>/expected.json gives "byline" (readability-pages) or "author" (trafilatura-snippets) and
"published" or "date"; OUT/<id>/source.json is arca's Article. Only documents with an expected
value count. Bylines are compared twice: exactly (after collapsing whitespace) and leniently
(case-folded, a leading "By"/"Par"/"Von" dropped, punctuation ignored; a match also when one
name list contains the other). A third figure, names_exact, compares the names: the expected
byline, a leading "By"/"Von"/"Par" dropped, split on commas, semicolons, slashes, "&" and
"and"/"und"/"et"/"y", against arca's `authors` list, in order and letter for letter but for
case. It is the fair exact figure where the gold value lists names without the page's "By"
(trafilatura-snippets' "author", copied from the rendered page: "JULIA ESDAR" is "Julia Esdar" in
the HTML, upper-cased by CSS); readability-pages' "byline" is the line as the page prints it, "By",
dates and all, so byline_exact is the figure there. Dates match on the first YYYY-MM-DD, as score.py's date_acc does.
Standard library only.
"""
import argparse
import json
import os
import re

DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def ws(s):
    return " ".join((s or "").split())


def lenient(s):
    s = ws(s).lower()
    s = re.sub(r"^(by|par|von|por|di|door)\s+", "", s)
    return " ".join(re.findall(r"\w+", s))


NAME_SPLIT = re.compile(r"\s*(?:[,;/&]|\b(?:and|und|et|y)\b)\s*", re.I)


def names(s):
    s = re.sub(r"^(by|par|von|por|di|door)\s+", "", ws(s), flags=re.I)
    return [n for n in NAME_SPLIT.split(s) if n]


def day(s):
    m = DAY.search(s) if isinstance(s, str) else None
    return m.group(0) if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--per-doc", action="store_true")
    a = ap.parse_args()
    by_n = by_exact = by_len = by_names = date_n = date_ok = 0
    for d in sorted(os.listdir(a.corpus)):
        f = os.path.join(a.corpus, d, "expected.json")
        if not os.path.isfile(f):
            continue
        exp = json.load(open(f, encoding="utf-8"))
        pf = os.path.join(a.pred, d, "source.json")
        pred = json.load(open(pf, encoding="utf-8")) if os.path.isfile(pf) else {}
        eb = exp.get("byline") or exp.get("author")
        if eb:
            by_n += 1
            pb = pred.get("byline") or ""
            exact = ws(eb) == ws(pb)
            le, lp = lenient(eb), lenient(pb)
            ok = exact or (le and lp and (le == lp or le in lp or lp in le))
            by_exact += exact
            by_len += bool(ok)
            by_names += [n.lower() for n in names(eb)] == [ws(n).lower() for n in (pred.get("authors") or [])]
            if a.per_doc and not ok:
                print(f"byline\t{d}\t{ws(eb)!r}\t{ws(pb)!r}")
        ed = day(exp.get("published")) or day(exp.get("date"))
        if ed:
            date_n += 1
            ok = day(pred.get("published")) == ed
            date_ok += ok
            if a.per_doc and not ok:
                print(f"date\t{d}\t{ed}\t{pred.get('published')!r}")
    pct = lambda x, n: f"{x / n:.3f}" if n else "n/a"  # noqa: E731
    print(f"byline_docs={by_n} byline_exact={pct(by_exact, by_n)} byline_lenient={pct(by_len, by_n)} "
          f"names_exact={pct(by_names, by_n)} "
          f"date_docs={date_n} date_acc={pct(date_ok, date_n)}")


if __name__ == "__main__":
    main()
