# Shared by the scale-out recipes (source it): find or build the textlens tool, make a corpus, compare outputs.
# Every recipe checks its merged result against one 'textlens report' over the same documents.

examples_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repo_root=$(cd "$examples_root/.." && pwd)

log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# textlens_tool WORKDIR: prints the textlens to use: $TEXTLENS_TOOL, else 'textlens' on the PATH, else the
# repository packed and installed into WORKDIR/tool (needs the .NET SDK).
textlens_tool() {
  if [ -n "${TEXTLENS_TOOL:-}" ]; then echo "$TEXTLENS_TOOL"; return; fi
  if command -v textlens >/dev/null 2>&1; then command -v textlens; return; fi
  log "no textlens on the PATH: packing the repository into $1/tool"
  dotnet pack "$repo_root/src/TextLens.Cli" -c Release -o "$1/packages" >&2 \
    && dotnet tool install TextLens --tool-path "$1/tool" --source "$1/packages" >&2 \
    || die "could not pack and install textlens"
  echo "$1/tool/textlens"
}

# make_corpus OUT.jsonl DOCS: the CRS bulk corpus (../shared/corpus/crs/bulk.jsonl, 46 reports) repeated until it
# has DOCS records, each {"id": "copy-NNNN/<report id>", "text": ...}, sorted by id (so single runs and merges agree
# on the order without sorting).
make_corpus() {
  local bulk="${TEXTLENS_BULK:-$repo_root/../shared/corpus/crs/bulk.jsonl}"
  [ -f "$bulk" ] || die "the CRS bulk corpus is not at $bulk (set TEXTLENS_BULK)"
  python3 - "$bulk" "$1" "$2" <<'PY'
import json, sys
bulk, out, docs = sys.argv[1], sys.argv[2], int(sys.argv[3])
records = [json.loads(line) for line in open(bulk, encoding="utf-8") if line.strip()]
records.sort(key=lambda r: r["id"])
with open(out, "w", encoding="utf-8") as f:
    for n in range(docs):
        r = records[n % len(records)]
        f.write(json.dumps({"id": "copy-%04d/%s" % (n // len(records), r["id"]), "text": r["text"]}, ensure_ascii=False) + "\n")
PY
}

# same_report EXPECTED ACTUAL FORMAT: byte-identical; for SARIF, byte-identical once each run's invocation times and
# command line are set aside (the only fields that differ between a merge and a single run).
same_report() {
  if [ "$3" = sarif ]; then
    python3 - "$1" "$2" <<'PY'
import json, sys
def strip(path):
    log = json.load(open(path, encoding="utf-8"))
    for run in log["runs"]:
        for inv in run.get("invocations", []):
            for key in ("startTimeUtc", "endTimeUtc", "arguments"):
                inv.pop(key, None)
    return log
sys.exit(0 if strip(sys.argv[1]) == strip(sys.argv[2]) else 1)
PY
  else
    cmp -s "$1" "$2"
  fi
}
