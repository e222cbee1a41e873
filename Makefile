# gip - tools for China's government information-disclosure annual reports
.POSIX:
.SUFFIXES:
.SUFFIXES: .c .o

PREFIX = /usr/local
MANPREFIX = $(PREFIX)/share/man
CC = cc
CFLAGS =
LDFLAGS =
WERROR =
PKG_CONFIG = pkg-config

# The layers, one folder each (README.md, "Source layout"): core (decoding,
# text, TSV, numbers, the template, errors), report (reading a report:
# sections, layouts, HTML, placement, meta, prose), cells (reading and
# judging cells streams).  Each layer is an archive, so a program links
# only the objects it uses.
LAYERS = core report cells
INCLUDES = -Isrc/core -Isrc/report -Isrc/cells
XML_CFLAGS = `$(PKG_CONFIG) --cflags libxml-2.0`
PCRE_CFLAGS = `$(PKG_CONFIG) --cflags libpcre2-8`
XML_LIBS = `$(PKG_CONFIG) --libs libxml-2.0`
PCRE_LIBS = `$(PKG_CONFIG) --libs libpcre2-8`
ZIP_CFLAGS = `$(PKG_CONFIG) --cflags libzip`
ZIP_LIBS = `$(PKG_CONFIG) --libs libzip`
CSV_LIBS = -lcsv
# libzip and libxml2 are loaded when a document needs them
# (src/report/zippart.c, xmlload.c), by the soname of the library
# pkg-config finds.
ZIP_SONAME = `$(PKG_CONFIG) --variable=libdir libzip | \
	sed 's,$$,/libzip.so,' | xargs objdump -p 2>/dev/null | \
	sed -n 's/^ *SONAME *//p' | grep . || echo libzip.so`
XML_SONAME = `$(PKG_CONFIG) --variable=libdir libxml-2.0 | \
	sed 's,$$,/libxml2.so,' | xargs objdump -p 2>/dev/null | \
	sed -n 's/^ *SONAME *//p' | grep . || echo libxml2.so`
GIP_CFLAGS = -std=c11 -O2 -Wall -Wextra $(WERROR) -D_GNU_SOURCE -MMD -MP \
	$(INCLUDES) $(XML_CFLAGS) $(PCRE_CFLAGS) $(ZIP_CFLAGS)
FUZZ_CC = clang
FUZZ_FLAGS = -std=c11 -O1 -g -fno-omit-frame-pointer -Wall -Wextra \
	$(WERROR) -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -D_GNU_SOURCE $(INCLUDES) $(XML_CFLAGS)
# The text targets are built without trace-cmp (comparison-guided
# mutation): it was 45 % of their time, and fuzz/labels.dict gives them
# the template's words instead (tests/fuzz/README.md).  FUZZ_CMP= puts
# it back.
FUZZ_CMP = -fno-sanitize-coverage=trace-cmp
FUZZ_SECONDS = 60
FUZZ_PARALLEL = 1
FUZZERS = fuzz/bin/decode fuzz/bin/sections fuzz/bin/tables fuzz/bin/cells \
	fuzz/bin/docx fuzz/bin/pdf fuzz/bin/doctext
ASAN_FLAGS = -std=c11 -O1 -g -fno-omit-frame-pointer -Wall -Wextra \
	-fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all \
	-D_GNU_SOURCE $(INCLUDES) $(XML_CFLAGS)

PROGS = bin/gip-sections bin/gip-tables bin/gip-check bin/gip-sum
MAN1 = man/gip-sections.1 man/gip-tables.1 man/gip-check.1 man/gip-sum.1
MAN5 = man/gip.5
MAN7 = man/gip.7

CORE_SRC = $(wildcard src/core/*.c)
REPORT_SRC = $(wildcard src/report/*.c)
CELLS_SRC = $(wildcard src/cells/*.c)
MAIN_SRC = $(wildcard src/gip-*.c)
CORE_LIB = src/core/libcore.a
REPORT_LIB = src/report/libreport.a
CELLS_LIB = src/cells/libcells.a
ALL_SRC = $(CORE_SRC) $(REPORT_SRC) $(CELLS_SRC) $(MAIN_SRC) tests/htmldump.c
DEPS = $(ALL_SRC:.c=.d)

# What each program links: its main, the layers it uses, their libraries.
SECTIONS_LINK = $(REPORT_LIB) $(CORE_LIB) $(PCRE_LIBS) $(CSV_LIBS)
TABLES_LINK = $(REPORT_LIB) $(CORE_LIB) $(PCRE_LIBS) $(CSV_LIBS)
CHECK_LINK = $(CELLS_LIB) $(CORE_LIB) $(CSV_LIBS)
SUM_LINK = $(CELLS_LIB) $(CORE_LIB) $(CSV_LIBS) $(PCRE_LIBS)

all: $(PROGS)

.c.o:
	$(CC) $(GIP_CFLAGS) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

src/report/zippart.o: src/report/zippart.c
	$(CC) $(GIP_CFLAGS) -DGIP_LIBZIP=\"$(ZIP_SONAME)\" $(CPPFLAGS) \
	    $(CFLAGS) -c src/report/zippart.c -o $@
src/report/xmlload.o: src/report/xmlload.c
	$(CC) $(GIP_CFLAGS) -DGIP_LIBXML2=\"$(XML_SONAME)\" $(CPPFLAGS) \
	    $(CFLAGS) -c src/report/xmlload.c -o $@

$(CORE_LIB): $(CORE_SRC:.c=.o)
	rm -f $@ && $(AR) rcs $@ $(CORE_SRC:.c=.o)
$(REPORT_LIB): $(REPORT_SRC:.c=.o)
	rm -f $@ && $(AR) rcs $@ $(REPORT_SRC:.c=.o)
$(CELLS_LIB): $(CELLS_SRC:.c=.o)
	rm -f $@ && $(AR) rcs $@ $(CELLS_SRC:.c=.o)

bin/gip-sections: src/gip-sections.o $(REPORT_LIB) $(CORE_LIB)
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ src/gip-sections.o $(SECTIONS_LINK)

bin/gip-tables: src/gip-tables.o $(REPORT_LIB) $(CORE_LIB)
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ src/gip-tables.o $(TABLES_LINK)

bin/gip-check: src/gip-check.o $(CELLS_LIB) $(CORE_LIB)
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ src/gip-check.o $(CHECK_LINK)

bin/gip-sum: src/gip-sum.o $(CELLS_LIB) $(CORE_LIB)
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ src/gip-sum.o $(SUM_LINK)

# Test driver for src/report/html.c (tests/html.bats).
tests/htmldump: tests/htmldump.o $(REPORT_LIB) $(CORE_LIB)
	$(CC) $(LDFLAGS) -o $@ tests/htmldump.o $(TABLES_LINK)

-include $(DEPS)

# Every test, with warnings as errors, after the man pages pass lint.
check: deps
	$(MAKE) clean
	$(MAKE) WERROR=-Werror all tests/htmldump
	$(MAKE) lint
	bats --tap tests

lint:
	mandoc -Tlint -Wwarning $(MAN1) $(MAN5) $(MAN7)

# The same programs under ASan+UBSan, in asan/; the suite runs on them.
# replay-pdf is the pdf fuzz target with a plain main() (fuzz/replay.c):
# pdftotext cannot print what once crashed it, so tests/fuzz.bats replays
# fuzz/regress/pdf/ through it.
asan:
	@mkdir -p asan
	$(CC) $(ASAN_FLAGS) -o asan/gip-sections src/gip-sections.c \
		$(REPORT_SRC) $(CORE_SRC) $(XML_LIBS) $(ZIP_LIBS) $(PCRE_LIBS) \
		$(CSV_LIBS)
	$(CC) $(ASAN_FLAGS) -o asan/gip-tables src/gip-tables.c \
		$(REPORT_SRC) $(CORE_SRC) $(XML_LIBS) $(ZIP_LIBS) $(PCRE_LIBS) \
		$(CSV_LIBS)
	$(CC) $(ASAN_FLAGS) -o asan/gip-check src/gip-check.c \
		$(CELLS_SRC) $(CORE_SRC) $(CSV_LIBS) $(PCRE_LIBS)
	$(CC) $(ASAN_FLAGS) -o asan/gip-sum src/gip-sum.c \
		$(CELLS_SRC) $(CORE_SRC) $(CSV_LIBS) $(PCRE_LIBS)
	$(CC) $(ASAN_FLAGS) -o asan/htmldump tests/htmldump.c \
		$(REPORT_SRC) $(CORE_SRC) $(XML_LIBS) $(ZIP_LIBS) $(PCRE_LIBS) \
		$(CSV_LIBS)
	$(CC) $(ASAN_FLAGS) -o asan/replay-pdf fuzz/replay.c fuzz/pdf.c \
		$(REPORT_SRC) $(CORE_SRC) $(XML_LIBS) $(ZIP_LIBS) $(PCRE_LIBS) \
		$(CSV_LIBS)

# Benchmarks on a generated corpus (bench/README.md); not part of check.
bench: bin/gip-sections bin/gip-tables bin/gip-check bin/gip-sum \
	bench/cells-floor
	python3 bench/bench.py

bench/cells-floor: bench/cells-floor.c $(CELLS_LIB) $(CORE_LIB)
	$(CC) $(GIP_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ bench/cells-floor.c \
		$(CHECK_LINK)

bench-callgrind: bin/gip-sections bin/gip-tables bin/gip-check
	sh bench/callgrind.sh

check-asan: asan
	GIP_BIN=$$PWD/asan bats --tap tests

# libFuzzer targets (tests/fuzz/README.md), each run for FUZZ_SECONDS,
# FUZZ_PARALLEL at a time, on seeds made from samples/ and the generator.
fuzz: deps-fuzz
	$(MAKE) $(FUZZERS)
	sh fuzz/seeds.sh
	FUZZ_PARALLEL=$(FUZZ_PARALLEL) sh fuzz/run.sh $(FUZZ_SECONDS) \
		decode sections tables cells docx pdf doctext

fuzz/bin/decode: fuzz/decode.c $(CORE_SRC)
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) $(FUZZ_CMP) -o $@ fuzz/decode.c \
		$(CORE_SRC) $(PCRE_LIBS) $(CSV_LIBS)

fuzz/bin/sections: fuzz/sections.c fuzz/exact.h $(REPORT_SRC) $(CORE_SRC)
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) $(FUZZ_CMP) -o $@ fuzz/sections.c \
		$(REPORT_SRC) $(CORE_SRC) $(XML_LIBS) $(ZIP_LIBS) $(PCRE_LIBS) \
		$(CSV_LIBS)

fuzz/bin/tables: fuzz/tables.c fuzz/exact.h $(REPORT_SRC) $(CORE_SRC)
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) $(FUZZ_CMP) -o $@ fuzz/tables.c \
		$(REPORT_SRC) $(CORE_SRC) $(XML_LIBS) $(ZIP_LIBS) $(PCRE_LIBS) \
		$(CSV_LIBS)

# doctext includes the program (src/gip-tables.c, main renamed): a text
# file's whole way through it, document_open's text branch first.
fuzz/bin/doctext: fuzz/doctext.c fuzz/exact.h src/gip-tables.c $(REPORT_SRC) \
	$(CORE_SRC)
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) $(FUZZ_CMP) -o $@ fuzz/doctext.c \
		$(REPORT_SRC) $(CORE_SRC) $(XML_LIBS) $(ZIP_LIBS) $(PCRE_LIBS) \
		$(CSV_LIBS)

fuzz/bin/docx: fuzz/docx.c fuzz/exact.h $(REPORT_SRC) $(CORE_SRC)
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) $(ZIP_CFLAGS) -o $@ fuzz/docx.c \
		$(REPORT_SRC) $(CORE_SRC) $(XML_LIBS) $(ZIP_LIBS) -lz \
		$(PCRE_LIBS) $(CSV_LIBS)

fuzz/bin/pdf: fuzz/pdf.c $(REPORT_SRC) $(CORE_SRC)
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) $(ZIP_CFLAGS) -o $@ fuzz/pdf.c \
		$(REPORT_SRC) $(CORE_SRC) $(XML_LIBS) $(ZIP_LIBS) \
		$(PCRE_LIBS) $(CSV_LIBS)

fuzz/bin/cells: fuzz/cells.c $(CELLS_SRC) $(CORE_SRC)
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ fuzz/cells.c $(CELLS_SRC) \
		$(CORE_SRC) $(CSV_LIBS) $(PCRE_LIBS)

# A target optimised as the programs are, with replay.c's main: its -t
# times each input, and fuzz/slowest.sh lists the inputs that take long
# (a timeout of a fuzzing run to come).
TIME_FLAGS = -std=c11 -O2 -Wall -Wextra -D_GNU_SOURCE $(INCLUDES) \
	$(XML_CFLAGS) $(ZIP_CFLAGS)
fuzz/bin/time-cells: fuzz/cells.c fuzz/replay.c $(CELLS_SRC) $(CORE_SRC)
	@mkdir -p fuzz/bin
	$(CC) $(TIME_FLAGS) -o $@ fuzz/replay.c fuzz/cells.c $(CELLS_SRC) \
		$(CORE_SRC) $(CSV_LIBS) $(PCRE_LIBS)

fuzz/bin/time-%: fuzz/%.c fuzz/replay.c fuzz/exact.h src/gip-tables.c \
	$(REPORT_SRC) $(CORE_SRC)
	@mkdir -p fuzz/bin
	$(CC) $(TIME_FLAGS) -o $@ fuzz/replay.c fuzz/$*.c $(REPORT_SRC) \
		$(CORE_SRC) $(XML_LIBS) $(ZIP_LIBS) -lz $(PCRE_LIBS) $(CSV_LIBS)

deps:
	@sh scripts/deps test

deps-build:
	@sh scripts/deps build

deps-fuzz:
	@sh scripts/deps fuzz

# The demo needs only what building needs, not the test packages.
demo: deps-build all
	@sh scripts/demo

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(MANPREFIX)/man7
	cp -f $(PROGS) $(DESTDIR)$(PREFIX)/bin/
	cp -f $(MAN1) $(DESTDIR)$(MANPREFIX)/man1/
	cp -f $(MAN5) $(DESTDIR)$(MANPREFIX)/man5/
	cp -f $(MAN7) $(DESTDIR)$(MANPREFIX)/man7/
	# "man gip" looks in section 1 before 5 and 7: there it finds the
	# overview, gip(7), through a link page (gip(5) stays the formats).
	echo '.so man7/gip.7' >$(DESTDIR)$(MANPREFIX)/man1/gip.1

uninstall:
	cd $(DESTDIR)$(PREFIX)/bin && rm -f gip-sections gip-tables \
		gip-check gip-sum
	cd $(DESTDIR)$(MANPREFIX)/man1 && rm -f gip-sections.1 gip-tables.1 \
		gip-check.1 gip-sum.1 gip.1
	rm -f $(DESTDIR)$(MANPREFIX)/man5/gip.5 $(DESTDIR)$(MANPREFIX)/man7/gip.7

clean:
	rm -rf bin asan tests/htmldump fuzz/bin bench/cells-floor
	rm -f src/*.[od] src/*/*.[oda] tests/*.[od]

.PHONY: all check lint asan check-asan fuzz deps deps-build deps-fuzz demo \
	install uninstall clean bench bench-callgrind
