#!/usr/bin/python3
"""Builds rules/script_chars.rules: which characters belong to one script only.

    scripts/gen-script-chars.py [--unihan DIR] [--out FILE]

Reads the Unihan database of Debian's `unicode-data` package (/usr/share/unicode/Unihan_*.txt.bz2,
or the same files unpacked or as Unihan.zip) and rules/opencc/TSCharacters.txt, and writes three
kinds of lines (see docs/conversion.md):

    trad CHAR [SIMPLIFIED] traditional-only: Unihan gives CHAR a kSimplifiedVariant other than
                           itself, and CHAR is no simplified form itself (it has no
                           kTraditionalVariant, is nobody's kSimplifiedVariant, does not list itself
                           among its own kSimplifiedVariant values, and is not one of the 8105
                           characters of the Tongyong Guifan Hanzi Biao, Unihan kTGH).
                           SIMPLIFIED is Unihan's first kSimplifiedVariant, given only when it
                           is a standard character (kTGH): the converter falls back to it for
                           characters OpenCC's tables lack. Unihan's other simplified forms are
                           Extension E-G characters that few fonts carry (摀 → U+304C6), where
                           the character is better kept.
    variant CHAR           a form OpenCC's TSCharacters changes that the Tongyong Guifan Hanzi
                           Biao (the simplified standard) does not hold (裏, 裡, 擡, 爲, 説): no
                           simplified text writes it either.
    keep CHAR              a trad or variant CHAR whose simplified form (OpenCC's, else Unihan's)
                           lies outside GB 2312, the character set simplified writing is typed
                           in: a simplified author who writes it means it (a name: 罗鶄, whose
                           simplified form is 䴖), so it is converted in traditional text only.
    simp CHAR              simplified-only: Unihan gives CHAR a kTraditionalVariant other than
                           itself, CHAR is no traditional form (no kSimplifiedVariant but
                           itself) and Big5, the traditional character set, lacks it (kBigFive):
                           这 and 们 are simplified-only, 后, 干 and 里 are not; nor are
                           the characters of OpenCC's Taiwan and Hong Kong variant tables (着).

Characters both scripts write (著, 乾, 干, 后, 于, 里, 面, 沈, 昇) appear in none of the three.
The output is deterministic (sorted by code point); the committed file must equal a fresh run
(tests/convert_test.cc checks a sample of it against Unihan when the package is installed).
"""
import argparse
import bz2
import collections
import io
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def unihan_lines(unihan_dir, name):
    """Yields the lines of one Unihan file, from .txt, .txt.bz2 or Unihan.zip."""
    plain = os.path.join(unihan_dir, name)
    if os.path.exists(plain):
        with open(plain, encoding="utf-8") as f:
            yield from f
        return
    if os.path.exists(plain + ".bz2"):
        with bz2.open(plain + ".bz2", "rt", encoding="utf-8") as f:
            yield from f
        return
    zpath = os.path.join(unihan_dir, "Unihan.zip")
    if os.path.exists(zpath):
        with zipfile.ZipFile(zpath) as z, z.open(name) as f:
            yield from io.TextIOWrapper(f, encoding="utf-8")
        return
    sys.exit(f"gen-script-chars: {name} not found in {unihan_dir} "
             "(install Debian's unicode-data package or pass --unihan DIR)")


def field(lines, wanted):
    """Maps code point -> list of values for the Unihan fields in `wanted`."""
    out = {w: collections.defaultdict(list) for w in wanted}
    for line in lines:
        if not line.startswith("U+"):
            continue
        cp, key, value = line.rstrip("\n").split("\t", 2)
        if key in out:
            out[key][chr(int(cp[2:], 16))] = value.split()
    return out


def ch(token):
    return chr(int(token[2:].split("<")[0], 16))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unihan", default="/usr/share/unicode")
    ap.add_argument("--out", default=os.path.join(ROOT, "rules", "script_chars.rules"))
    args = ap.parse_args()

    v = field(unihan_lines(args.unihan, "Unihan_Variants.txt"),
              ["kSimplifiedVariant", "kTraditionalVariant"])
    simp = {c: [ch(t) for t in vals] for c, vals in v["kSimplifiedVariant"].items()}
    trad = {c: [ch(t) for t in vals] for c, vals in v["kTraditionalVariant"].items()}
    other = field(unihan_lines(args.unihan, "Unihan_OtherMappings.txt"), ["kTGH", "kBigFive", "kGB0"])
    tgh, big5, gb2312 = set(other["kTGH"]), set(other["kBigFive"]), set(other["kGB0"])
    if len(tgh) < 8000:
        sys.exit(f"gen-script-chars: only {len(tgh)} kTGH entries; is this Unihan 15 or later?")
    simplified_values = {s for vals in simp.values() for s in vals}

    trad_only = {}
    for c, vals in simp.items():
        others = [s for s in vals if s != c]
        if (others and c not in vals and c not in trad and c not in simplified_values
                and c not in tgh):
            trad_only[c] = others[0]

    ts = {}
    with open(os.path.join(ROOT, "rules", "opencc", "TSCharacters.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            key, values = line.rstrip("\n").split("\t")
            ts[key] = values.split()
    variants = sorted(k for k, vals in ts.items()
                      if len(k) == 1 and vals[0] != k and k not in trad_only and k not in tgh)

    # Both sides of OpenCC's Taiwan and Hong Kong variant tables (着, OpenCC's traditional form
    # of zhe) are traditional usage even where Big5 lacks them.
    regional = set()
    for name in ("TWVariants.txt", "HKVariants.txt"):
        with open(os.path.join(ROOT, "rules", "opencc", name), encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#") and line.strip():
                    key, values = line.rstrip("\n").split("\t")
                    regional.update([key] + values.split())
    def converted(c):
        if c in ts:
            return ts[c][0]
        return trad_only[c] if trad_only.get(c) in tgh else c
    keep = sorted(c for c in list(trad_only) + variants
                  if any(x not in gb2312 for x in converted(c)))

    simp_only = sorted(c for c, vals in trad.items()
                       if any(t != c for t in vals) and c not in big5
                       and not any(s != c for s in simp.get(c, [])) and c not in trad_only
                       and c not in regional)

    lines = [
        "# script_chars.rules — characters that belong to one script only. GENERATED by",
        "# scripts/gen-script-chars.py from the Unicode Unihan database (Debian unicode-data;",
        "# Unicode License v3: kSimplifiedVariant, kTraditionalVariant, kTGH) and",
        "# rules/opencc/TSCharacters.txt. Do not edit by hand: change the script and rerun it.",
        "#",
        "#     trad CHAR [SIMPLIFIED] traditional-only (Unihan), with Unihan's simplified form when",
        "#                            that is a standard character (Tongyong Guifan Hanzi Biao)",
        "#     variant CHAR           a non-standard form OpenCC changes (裏, 擡): never simplified",
        "#     keep CHAR              converted in traditional text only: its simplified form",
        "#                            is outside GB 2312 (罗鶄 in a simplified name stays)",
        "#     simp CHAR              simplified-only (Unihan)",
        "#",
        "# See docs/conversion.md for how the converter uses them.",
        f"# {len(trad_only)} trad, {len(variants)} variant, {len(keep)} keep, {len(simp_only)} simp",
        "",
    ]
    lines += [f"trad {c} {trad_only[c]}" if trad_only[c] in tgh else f"trad {c}"
              for c in sorted(trad_only)]
    lines += [f"variant {c}" for c in variants]
    lines += [f"keep {c}" for c in keep]
    lines += [f"simp {c}" for c in simp_only]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{args.out}: {len(trad_only)} trad, {len(variants)} variant, {len(keep)} keep, "
          f"{len(simp_only)} simp")


if __name__ == "__main__":
    main()
