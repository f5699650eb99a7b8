# Sourced (bash) by the command-line test scripts after they set DFNC: they
# run in a scratch directory, removed at exit, and print TAP. `check NAME
# COMMAND...` passes when COMMAND does; `pass`/`fail NAME [DETAIL]` count one
# case each; `tap_end` prints the plan and is the script's exit status.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
n=0
failures=0

pass() {
    n=$((n + 1))
    echo "ok $n - $1"
}

fail() {
    n=$((n + 1))
    failures=$((failures + 1))
    echo "not ok $n - $1${2:+: $2}"
}

check() {
    local name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}

tap_end() {
    echo "1..$n"
    [ "$failures" = 0 ]
}
