# gavel: GNU make, no autotools.
#
#   make            build ./gavel
#   make run        build and open gavel on the demo meeting (installs what running needs;
#                   the demo data is kept in build/demo-data; make demo-reset starts over)
#   make check      unit tests, the same under ASan+UBSan, end-to-end tests (installs missing deps)
#   make bench      benchmarks (prints figures, asserts nothing about time)
#   make bench-instr  callgrind instruction counts of open, replay, render, a key
#   make mutants    break the source one line at a time; the tests must notice
#   make torture    the storage harness long: 10,000 kills, every bit flip (a table of figures)
#   make install    PREFIX=/usr/local DESTDIR=
#
# Sources are discovered by folder, so adding a module never needs an edit here.
# BUILD and BIN can be moved so that several builds can run side by side.

VERSION   := 0.1.0
CC        ?= cc
BUILD     ?= build
BIN       ?= gavel
PREFIX    ?= /usr/local
DESTDIR   ?=
WERROR    ?= 0
PYTHON    ?= /usr/bin/python3

PKGS_CFLAGS := $(shell pkg-config --cflags ncursesw uuid 2>/dev/null | sed 's/-D_XOPEN_SOURCE=600//; s/-D_DEFAULT_SOURCE//')
CURSES_LIBS := $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
UUID_LIBS   := $(shell pkg-config --libs uuid 2>/dev/null || echo -luuid)
# iniparser 4.1 on Debian 12 ships no .pc file.
INI_CFLAGS  := $(shell pkg-config --cflags iniparser 2>/dev/null)
INI_LIBS    := $(shell pkg-config --libs iniparser 2>/dev/null || echo -liniparser)
# zlib: CRC-32 for journal line checksums and the .docx container.
ZLIB_LIBS   := $(shell pkg-config --libs zlib 2>/dev/null || echo -lz)
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

WARN      := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wformat=2 -Wno-unused-parameter
ifeq ($(WERROR),1)
WARN      += -Werror
endif
CPPFLAGS  += -I. -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -DGAVEL_VERSION='"$(VERSION)"' \
             -DGAVEL_DATADIR='"$(PREFIX)/share/gavel"' $(PKGS_CFLAGS) $(INI_CFLAGS)
CFLAGS    ?= -O2 -g
CFLAGS    += -std=c11 $(WARN) -MMD -MP
# threads: a long session file is scanned in two halves at once.
CFLAGS    += -pthread
LDFLAGS   += -pthread
LDLIBS    += $(CURSES_LIBS) $(UUID_LIBS) $(INI_LIBS) $(ZLIB_LIBS)

# The core (no curses): model, storage, render. The app adds cli, tui and main.
CORE_SRC  := $(sort $(wildcard model/*.c storage/*.c render/*.c))
APP_SRC   := $(sort $(wildcard cli/*.c tui/*.c))
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
BENCH_SRC := $(sort $(wildcard tests/bench/bench_*.c))

CORE_OBJ  := $(CORE_SRC:%.c=$(BUILD)/%.o)
APP_OBJ   := $(APP_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_BIN := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)

# The same sources again, instrumented.
SAN       := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
ASAN_DIR  := $(BUILD)/asan
ASAN_CORE := $(CORE_SRC:%.c=$(ASAN_DIR)/%.o)
ASAN_APP  := $(APP_SRC:%.c=$(ASAN_DIR)/%.o)
ASAN_UNIT := $(UNIT_SRC:tests/unit/%.c=$(ASAN_DIR)/tests/%)
# The fuzz targets, built with $(CC) and a plain driver, replay their seeds
# and every crash ever found (make check runs them; see tests/README.md).
FUZZ_REG  := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/regress/%)

.SECONDARY:
.PHONY: all deps deps-run demo-reset run check unit unit-asan e2e bench install uninstall clean fuzz demo-data torture

all: $(BIN)

$(BIN): $(CORE_OBJ) $(APP_OBJ) $(BUILD)/main.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(CORE_OBJ) $(APP_OBJ) tests/unit/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) -o $@ $< $(CORE_OBJ) $(APP_OBJ) $(CMOCKA_LIBS) $(LDLIBS)

$(ASAN_DIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -O1 $(SAN) -c -o $@ $<

$(ASAN_DIR)/tests/%: tests/unit/%.c $(ASAN_CORE) $(ASAN_APP) tests/unit/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) -O1 $(SAN) -o $@ $< $(ASAN_CORE) $(ASAN_APP) $(CMOCKA_LIBS) $(LDLIBS)

$(BUILD)/bench/%: tests/bench/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(CORE_OBJ) $(LDLIBS)

# Installs what is missing (as root), or prints the exact command: deps for
# make check (the test tools too), deps-run for running only.
deps:
	@sh tests/deps.sh check

deps-run:
	@sh tests/deps.sh run

# The demo data is kept between runs (build/demo-data); demo-reset starts over.
run: deps-run $(BIN)
	@sh tests/demo.sh ./$(BIN)

demo-reset:
	@sh tests/demo.sh --reset ./$(BIN)

unit: $(UNIT_BIN)
unit-asan: $(ASAN_UNIT)

# One closing line across every suite: "N passed, N failed".
check: deps $(BIN) $(UNIT_BIN) $(ASAN_UNIT) $(FUZZ_REG) $(BUILD)/bench/bench_pty
	@GAVEL_BIN=$(abspath $(BIN)) GAVEL_BUILD=$(abspath $(BUILD)) PYTHON=$(PYTHON) sh tests/check.sh $(BUILD)

e2e: $(BIN) $(BUILD)/bench/bench_pty
	@GAVEL_BIN=$(abspath $(BIN)) GAVEL_BUILD=$(abspath $(BUILD)) sh tests/check.sh --e2e-only $(BUILD)

# The storage harness long (doc/reliability.md): takes several minutes.
torture: $(BIN) $(BUILD)/tests/test_storage_integrity
	@GAVEL_BIN=$(abspath $(BIN)) sh tests/torture.sh $(BUILD)

bench: $(BIN) $(BENCH_BIN)
	@sh tests/deps.sh bench
	@GAVEL_BIN=$(abspath $(BIN)) sh tests/bench/run.sh $(BUILD)

# Instruction counts (callgrind) of open, replay, render and one key: exact
# on a busy machine, where wall-clock figures are noise.
bench-instr: $(BIN) $(BENCH_BIN)
	@sh tests/deps.sh instr
	@GAVEL_BIN=$(abspath $(BIN)) sh tests/bench/instr.sh $(BUILD)

# Fuzzing (tests/README.md). fuzz: each tests/fuzz/fuzz_*.c built with clang
# and libFuzzer, run FUZZ_SECONDS from its seeds in tests/fuzz/corpus/NAME;
# new inputs go to $(BUILD)/fuzz/corpus, crashes to $(BUILD)/fuzz/crashes.
# fuzz-regress: the same targets built with $(CC), ASan+UBSan and a plain
# driver (tests/fuzz/driver.c), run once over the seeds and saved crashes.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 20
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_FLAGS   := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_CORE    := $(CORE_SRC:%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_BIN     := $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ_DIR)/%)
.PHONY: fuzz-regress mutants

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_CORE)
	$(FUZZ_CC) $(CPPFLAGS) $(CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_CORE) $(LDLIBS)

$(FUZZ_DIR)/regress/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c tests/fuzz/fuzz.h $(ASAN_CORE)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -O1 $(SAN) -o $@ $< tests/fuzz/driver.c $(ASAN_CORE) $(LDLIBS)

fuzz: $(FUZZ_BIN)
	@sh tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

fuzz-regress: $(FUZZ_REG)
	@sh tests/fuzz/run.sh --regress $(FUZZ_DIR)

# Each tests/mutants/*.mut applied alone to a copy of the tree in
# $(BUILD)/mutants, built there, and followed by the tests it names, which
# must fail (tests/README.md). MUTANTS="name ..." runs only those.
mutants:
	@sh tests/mutants/run.sh $(BUILD)/mutants $(MUTANTS)

install: $(BIN)
	install -d -m 755 $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/gavel/themes \
		$(DESTDIR)$(PREFIX)/share/gavel/rosters $(DESTDIR)$(PREFIX)/share/gavel/agendas \
		$(DESTDIR)$(PREFIX)/share/gavel/styles
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/gavel
	for f in $(wildcard doc/*.1); do install -m 644 $$f $(DESTDIR)$(PREFIX)/share/man/man1/; done
	for f in $(wildcard doc/*.5); do install -m 644 $$f $(DESTDIR)$(PREFIX)/share/man/man5/; done
	for f in $(wildcard themes/*.ini); do install -m 644 $$f $(DESTDIR)$(PREFIX)/share/gavel/themes/; done
	for f in $(wildcard rosters/*.ini); do install -m 644 $$f $(DESTDIR)$(PREFIX)/share/gavel/rosters/; done
	for f in $(wildcard agendas/*.ini); do install -m 644 $$f $(DESTDIR)$(PREFIX)/share/gavel/agendas/; done
	install -d -m 755 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions
	install -m 644 completion/gavel.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/gavel
	install -m 644 completion/_gavel $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_gavel
	for f in $(wildcard styles/*.ini); do install -m 644 $$f $(DESTDIR)$(PREFIX)/share/gavel/styles/; done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/gavel $(DESTDIR)$(PREFIX)/share/man/man1/gavel.1 \
		$(DESTDIR)$(PREFIX)/share/man/man5/gavel-*.5 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/gavel \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_gavel
	rm -rf $(DESTDIR)$(PREFIX)/share/gavel

clean:
	rm -rf $(BUILD) $(BIN)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
