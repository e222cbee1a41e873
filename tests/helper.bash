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
