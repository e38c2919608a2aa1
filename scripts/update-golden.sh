#!/usr/bin/env bash
# Shows, checks and (after review) records the engine's output for the golden samples.
#
#   scripts/update-golden.sh [-b BUILD_DIR] [NAME...]           report: every expectation check,
#                                                                and the diff against a recorded text
#   scripts/update-golden.sh [-b BUILD_DIR] --write NAME...     store the current text as the
#                                                                sample's "text" (review it first!)
#   scripts/update-golden.sh [-b BUILD_DIR] --forget NAME...    drop a recorded "text"
#
# NAME is a sample name as in samples/expected/NAME.json (default: all samples). The binary is
# $QINGXI, else BUILD_DIR/qingxi (default BUILD_DIR: build). Recorded texts are what
# tests/golden_test.cc compares byte for byte: record one only when every line of it is right;
# otherwise the must_contain / must_not_contain lists stay the specification.
# See docs/samples.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build
mode=report
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    -b) build="$2"; shift 2 ;;
    --write) mode=write; shift ;;
    --forget) mode=forget; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) names+=("$1"); shift ;;
  esac
done
if [ "$mode" != report ] && [ ${#names[@]} -eq 0 ]; then
  echo "update-golden: --$mode needs the names of the samples you reviewed" >&2
  exit 2
fi
bin="${QINGXI:-$build/qingxi}"
[ -x "$bin" ] || { echo "update-golden: no binary at $bin (build it, or set QINGXI)" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The sample pages, named one by one (samples/ also holds README.md and expected/).
files=()
for f in samples/pages/*.html samples/pages/*.txt; do [ -e "$f" ] && files+=("$f"); done
status=0
"$bin" clean -q --threads 1 --rules rules "${files[@]}" > "$tmp/out.jsonl" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
  echo "update-golden: $bin clean exited with $status" >&2
  exit 1
fi

python3 - "$mode" "$tmp/out.jsonl" "${names[@]+"${names[@]}"}" <<'PY'
import difflib, json, os, sys

mode, out_path, names = sys.argv[1], sys.argv[2], sys.argv[3:]
records = {}
with open(out_path, encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        records[os.path.basename(r["source"])] = r
all_names = sorted(n[:-5] for n in os.listdir("samples/expected") if n.endswith(".json"))
for n in names:
    if n not in all_names:
        sys.exit("update-golden: no sample named %s" % n)
failures = 0
for name in names or all_names:
    path = "samples/expected/%s.json" % name
    with open(path, encoding="utf-8") as f:
        exp = json.load(f)
    rec = records.get(exp["sample"])
    if rec is None or rec.get("error"):
        print("%s: NO RECORD %s" % (name, rec.get("error") if rec else ""))
        failures += 1
        continue
    text = rec.get("text", "")
    if mode == "write":
        exp["text"] = text
    elif mode == "forget":
        exp.pop("text", None)
    if mode != "report":
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(exp, ensure_ascii=False, indent=1) + "\n")
        print("%s: %s" % (name, "text recorded" if mode == "write" else "text dropped"))
        continue
    problems = []
    for key in ("title", "script", "encoding"):
        if rec.get(key, "") != exp.get(key, ""):
            problems.append("%s: %r, expected %r" % (key, rec.get(key, ""), exp.get(key, "")))
    date = exp.get("date", "")
    got = rec.get("date") or ""  # a record without a date holds null
    if (got if not date else got[:len(date)]) != date:
        problems.append("date: %r, expected %r" % (got, date))
    if sorted(rec.get("flags", [])) != sorted(exp.get("flags", [])):
        problems.append("flags: %r, expected %r" % (rec.get("flags", []), exp.get("flags", [])))
    problems += ["lost: " + s for s in exp.get("must_contain", []) if s not in text]
    problems += ["kept noise: " + s for s in exp.get("must_not_contain", []) if s in text]
    if "text" in exp and exp["text"] != text:
        problems.append("text differs from the recorded text:")
    print("== %s: %s" % (name, "ok" if not problems else "%d problem(s)" % len(problems)))
    for p in problems:
        print("   " + p)
    if "text" in exp and exp["text"] != text:
        sys.stdout.writelines(difflib.unified_diff(
            (exp["text"] + "\n").splitlines(True), (text + "\n").splitlines(True),
            "recorded", "now"))
    elif "text" not in exp:
        print("   (no recorded text) current text:")
        for line in text.split("\n"):
            print("   | " + line)
    failures += bool(problems)
sys.exit(1 if failures and mode == "report" else 0)
PY
