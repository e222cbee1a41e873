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
GIP_CFLAGS = -std=c11 -O2 -Wall -Wextra $(WERROR) -D_GNU_SOURCE \
	-I/usr/include/libxml2
FUZZ_CC = clang
FUZZ_FLAGS = -std=c11 -O1 -g -fno-omit-frame-pointer -Wall -Wextra \
	$(WERROR) -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -D_GNU_SOURCE -Isrc -I/usr/include/libxml2
FUZZ_SECONDS = 60
FUZZ_PARALLEL = 1
FUZZERS = fuzz/bin/decode fuzz/bin/sections fuzz/bin/tables fuzz/bin/cells
ASAN_FLAGS = -std=c11 -O1 -g -fno-omit-frame-pointer -Wall -Wextra \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-D_GNU_SOURCE -I/usr/include/libxml2

PROGS = bin/gip-sections bin/gip-tables bin/gip-check bin/gip-sum
MAN1 = man/gip-sections.1 man/gip-tables.1 man/gip-check.1 man/gip-sum.1
MAN5 = man/gip.5
MAN7 = man/gip.7

CORE = src/err.o src/input.o src/utf8.o src/text.o src/tsv.o src/num.o \
	src/tmpl.o
CORE_SRC = $(CORE:.o=.c)
SECTIONS = src/sections.o src/html.o
SECTIONS_SRC = $(SECTIONS:.o=.c)
TABLES = src/sections.o src/grid.o src/layout.o src/lrow.o src/value.o \
	src/place.o src/tables.o src/t2.o src/t3.o src/t4.o src/meta.o \
	src/prose.o src/html.o
TABLES_SRC = $(TABLES:.o=.c)
READER = src/cells.o
READER_SRC = $(READER:.o=.c)

LIBS_TEXT = -lpcre2-8
LIBS_TABLES = -lpcre2-8 -lxml2
LIBS_READER = -lcsv

all: $(PROGS)

.c.o:
	$(CC) $(GIP_CFLAGS) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

bin/gip-sections: src/gip-sections.o $(SECTIONS) $(CORE)
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ src/gip-sections.o $(SECTIONS) $(CORE) \
		$(LIBS_TABLES)

bin/gip-tables: src/gip-tables.o $(TABLES) $(CORE)
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ src/gip-tables.o $(TABLES) $(CORE) \
		$(LIBS_TABLES)

bin/gip-check: src/gip-check.o $(READER) $(CORE)
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ src/gip-check.o $(READER) $(CORE) \
		$(LIBS_READER) $(LIBS_TEXT)

bin/gip-sum: src/gip-sum.o $(READER) $(CORE)
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ src/gip-sum.o $(READER) $(CORE) \
		$(LIBS_READER) $(LIBS_TEXT)

# Test driver for src/html.c (tests/html.bats): html_to_text on a file.
tests/htmldump: tests/htmldump.o src/html.o $(CORE)
	$(CC) $(LDFLAGS) -o $@ tests/htmldump.o src/html.o $(CORE) \
		$(LIBS_TABLES)

$(CORE) $(SECTIONS) $(TABLES) $(READER): src/err.h src/input.h src/utf8.h \
	src/text.h src/tsv.h src/num.h src/tmpl.h
src/cells.o: src/cells.h
src/html.o tests/htmldump.o: src/html.h
src/sections.o src/gip-sections.o src/gip-tables.o: src/sections.h
src/gip-check.o src/gip-sum.o: src/cells.h src/err.h src/num.h src/tmpl.h \
	src/tsv.h
src/gip-sections.o src/gip-tables.o: src/err.h src/input.h src/text.h \
	src/tsv.h src/utf8.h
$(TABLES) src/gip-tables.o: src/grid.h src/layout.h src/lrow.h src/value.h \
	src/place.h src/tables.h src/meta.h src/prose.h

# Every test, with warnings as errors, after the man pages pass lint.
check: deps
	$(MAKE) clean
	$(MAKE) WERROR=-Werror all tests/htmldump
	$(MAKE) lint
	bats --tap tests

lint:
	mandoc -Tlint -Wwarning $(MAN1) $(MAN5) $(MAN7)

# The same programs under ASan+UBSan, in asan/; the suite runs on them.
asan:
	@mkdir -p asan
	$(CC) $(ASAN_FLAGS) -o asan/gip-sections src/gip-sections.c \
		$(SECTIONS_SRC) $(CORE_SRC) $(LIBS_TABLES)
	$(CC) $(ASAN_FLAGS) -o asan/gip-tables src/gip-tables.c \
		$(TABLES_SRC) $(CORE_SRC) $(LIBS_TABLES)
	$(CC) $(ASAN_FLAGS) -o asan/gip-check src/gip-check.c \
		$(READER_SRC) $(CORE_SRC) $(LIBS_READER) $(LIBS_TEXT)
	$(CC) $(ASAN_FLAGS) -o asan/gip-sum src/gip-sum.c \
		$(READER_SRC) $(CORE_SRC) $(LIBS_READER) $(LIBS_TEXT)
	$(CC) $(ASAN_FLAGS) -o asan/htmldump tests/htmldump.c src/html.c \
		$(CORE_SRC) $(LIBS_TABLES)

# Benchmarks on a generated corpus (bench/README.md); not part of check.
bench: bin/gip-sections bin/gip-tables bin/gip-check bin/gip-sum \
	bench/csv-floor
	python3 bench/bench.py

bench/csv-floor: bench/csv-floor.c $(READER_SRC) $(CORE_SRC)
	$(CC) $(GIP_CFLAGS) $(CFLAGS) -Isrc $(LDFLAGS) -o $@ bench/csv-floor.c \
		$(READER_SRC) $(CORE_SRC) $(LIBS_READER) $(LIBS_TEXT)

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
		decode sections tables cells

fuzz/bin/decode: fuzz/decode.c $(CORE_SRC)
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ fuzz/decode.c $(CORE_SRC) $(LIBS_TEXT)

fuzz/bin/sections: fuzz/sections.c fuzz/exact.h $(SECTIONS_SRC) $(CORE_SRC)
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ fuzz/sections.c $(SECTIONS_SRC) \
		$(CORE_SRC) $(LIBS_TABLES)

fuzz/bin/tables: fuzz/tables.c fuzz/exact.h src/gip-tables.c $(TABLES_SRC) $(CORE_SRC)
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ fuzz/tables.c $(TABLES_SRC) \
		$(CORE_SRC) $(LIBS_TABLES)

fuzz/bin/cells: fuzz/cells.c $(READER_SRC) $(CORE_SRC)
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ fuzz/cells.c $(READER_SRC) \
		$(CORE_SRC) $(LIBS_READER) $(LIBS_TEXT)

deps:
	@sh scripts/deps

deps-fuzz:
	@sh scripts/deps fuzz

demo: deps all
	@sh scripts/demo

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(MANPREFIX)/man7
	cp -f $(PROGS) $(DESTDIR)$(PREFIX)/bin/
	cp -f $(MAN1) $(DESTDIR)$(MANPREFIX)/man1/
	cp -f $(MAN5) $(DESTDIR)$(MANPREFIX)/man5/
	cp -f $(MAN7) $(DESTDIR)$(MANPREFIX)/man7/

uninstall:
	cd $(DESTDIR)$(PREFIX)/bin && rm -f gip-sections gip-tables \
		gip-check gip-sum
	cd $(DESTDIR)$(MANPREFIX)/man1 && rm -f gip-sections.1 gip-tables.1 \
		gip-check.1 gip-sum.1
	rm -f $(DESTDIR)$(MANPREFIX)/man5/gip.5 $(DESTDIR)$(MANPREFIX)/man7/gip.7

clean:
	rm -rf bin asan src/*.o tests/*.o tests/htmldump fuzz/bin bench/csv-floor

.PHONY: all check lint asan check-asan fuzz deps deps-fuzz demo install \
	uninstall clean bench bench-callgrind
