# Common set-up for every gip bats file: locale, libraries, the programs.
bats_require_minimum_version 1.5.0
export LC_ALL=C.UTF-8
bats_load_library bats-support
bats_load_library bats-assert

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
GIP_BIN=${GIP_BIN:-$TOP/bin}
DATA=$BATS_TEST_DIRNAME/data
SAMPLES=$TOP/samples
SHARED=${GIP_SHARED:-$TOP/../shared}
PATH=$GIP_BIN:$PATH

# Skip the test, saying why, when a program it runs is not installed.
need_cmd() {
	local c
	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 ||
		    skip "$c not installed: test skipped"
	done
}

# Skip the test when ../shared (or $GIP_SHARED) is not beside the clone:
# the generator, its truth and the seed truth live there, not in the repo.
# A clone without it still runs every test that needs no corpus.
need_shared() {
	[ -f "$SHARED/corpus/gen/gipgen.py" ] ||
	    skip "../shared not found: ${1:-generated-corpus} test skipped (set GIP_SHARED)"
	need_cmd python3
}

# The same test, as a status, for setup_file (where a skip would skip the
# whole file).
have_shared() {
	[ -f "$SHARED/corpus/gen/gipgen.py" ] && command -v python3 >/dev/null 2>&1
}
