# Shared by the CLI test scripts: a scratch directory and small assertions.
set -u
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/textgraph-cli.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
FAILED=0

fail() {
  echo "FAIL: $*" >&2
  FAILED=1
}

# expect_status WANT COMMAND...: runs COMMAND, keeps stderr in $SCRATCH/err.
expect_status() {
  want=$1
  shift
  "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"
  got=$?
  [ "$got" -eq "$want" ] || fail "exit $got (want $want): $* -- $(head -c 300 "$SCRATCH/err")"
}

same_file() {
  cmp -s "$1" "$2" || fail "$1 and $2 differ: $(cmp "$1" "$2" 2>&1 | head -1)"
}

finish() {
  [ "$FAILED" -eq 0 ] && echo "all checks passed"
  exit "$FAILED"
}
