# Stepwise. `make` builds the program that `make install` installs (one binary with the Swift
# runtime linked in) and does nothing else. `make run` opens the program on demo data, `make test`
# (or `make check`) runs every test; those two install the system packages they need first
# (with apt-get; as root or with sudo) and say what they install.
#
#   make && sudo make install                      # into /usr/local
#   make install PREFIX=/usr DESTDIR=/tmp/stage    # a staged tree, as packages do
#   sudo make uninstall                            # the same PREFIX and DESTDIR as install

SWIFT      ?= swift
PYTHON     ?= python3
DEMO_DATA  ?= $(CURDIR)/demo-data
RUN_DEPS   := libncurses-dev fonts-dejavu-core
TEST_DEPS  := libncurses-dev fonts-dejavu-core tmux cups cups-bsd printer-driver-cups-pdf poppler-utils groff-base \
              libreoffice-calc-nogui strace \
              python3-venv python3-jsonschema python3-icalendar
# The schema tests need jsonschema 4.18 or later (with referencing); Debian 12 has 4.10, so
# the virtual environment gets a newer one from pip there.
PY_DEPS    := --python jsonschema --python 'referencing=jsonschema>=4.18' --python icalendar

PREFIX     ?= /usr/local
DESTDIR    ?=
BINDIR     := $(PREFIX)/bin
DATADIR    := $(PREFIX)/share/stepwise
MANDIR     := $(PREFIX)/share/man/man1
BASHDIR    := $(PREFIX)/share/bash-completion/completions
ZSHDIR     := $(PREFIX)/share/zsh/vendor-completions
DOCDIR     := $(PREFIX)/share/doc/stepwise

# The installed binary: release, with the Swift runtime linked in, so that it runs without the
# toolchain. Rebuilt only when a source changed (make's timestamps; SwiftPM may leave the file
# untouched when nothing changed, hence the touch).
RELEASE_BIN := .build/release/stepwise
SOURCES     := Package.swift $(shell find Sources -type f)
# Everything in Resources/ is the program's, except examples/, which is documentation.
RESOURCES   := $(filter-out Resources/examples,$(wildcard Resources/*))
GENERATED   := .build/generated
VENV        := $(CURDIR)/.build/venv

export SWIFT_BACKTRACE := interactive=no

.PHONY: all build release run test check deps-run deps-test python-venv install uninstall deb clean bench

all: release

release: $(RELEASE_BIN)

$(RELEASE_BIN): $(SOURCES)
	$(SWIFT) build -c release --static-swift-stdlib --product stepwise
	@touch $@

build:
	$(SWIFT) build --build-tests

run: deps-run release
	@test -d "$(DEMO_DATA)/participants" || $(RELEASE_BIN) demo --data "$(DEMO_DATA)"
	@$(RELEASE_BIN) --data "$(DEMO_DATA)"

# The tests run the debug build; InstallTests installs the release build with `make install`.
# Python (jsonschema, icalendar) comes from .build/venv, first on the PATH.
test: deps-test build release
	PATH="$(VENV)/bin:$$PATH" TZ=UTC STEPWISE_BIN="$(CURDIR)/.build/debug/stepwise" $(SWIFT) test --skip-build

check: test

# The man page and shell completion are written by the program from its own command table.
$(GENERATED)/stepwise.1: $(RELEASE_BIN)
	@mkdir -p $(GENERATED)
	$(RELEASE_BIN) help --man > $@.tmp && mv $@.tmp $@

$(GENERATED)/stepwise.bash: $(RELEASE_BIN)
	@mkdir -p $(GENERATED)
	$(RELEASE_BIN) help --bash > $@.tmp && mv $@.tmp $@

$(GENERATED)/_stepwise: $(RELEASE_BIN)
	@mkdir -p $(GENERATED)
	$(RELEASE_BIN) help --zsh > $@.tmp && mv $@.tmp $@

install: $(RELEASE_BIN) $(GENERATED)/stepwise.1 $(GENERATED)/stepwise.bash $(GENERATED)/_stepwise
	install -d -m 0755 "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(DATADIR)" "$(DESTDIR)$(MANDIR)" \
	    "$(DESTDIR)$(BASHDIR)" "$(DESTDIR)$(ZSHDIR)" "$(DESTDIR)$(DOCDIR)/examples"
	install -m 0755 $(RELEASE_BIN) "$(DESTDIR)$(BINDIR)/stepwise"
	cp -R $(RESOURCES) "$(DESTDIR)$(DATADIR)/"
	chmod -R u=rwX,go=rX "$(DESTDIR)$(DATADIR)"
	install -m 0644 $(GENERATED)/stepwise.1 "$(DESTDIR)$(MANDIR)/stepwise.1"
	install -m 0644 $(GENERATED)/stepwise.bash "$(DESTDIR)$(BASHDIR)/stepwise"
	install -m 0644 $(GENERATED)/_stepwise "$(DESTDIR)$(ZSHDIR)/_stepwise"
	install -m 0644 README.md "$(DESTDIR)$(DOCDIR)/README.md"
	install -m 0644 Resources/examples/* "$(DESTDIR)$(DOCDIR)/examples/"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/stepwise" "$(DESTDIR)$(MANDIR)/stepwise.1" \
	    "$(DESTDIR)$(BASHDIR)/stepwise" "$(DESTDIR)$(ZSHDIR)/_stepwise"
	rm -rf "$(DESTDIR)$(DATADIR)" "$(DESTDIR)$(DOCDIR)"

# A Debian package of the same layout under /usr, made with dpkg-deb only.
DEB_VERSION = $(shell $(RELEASE_BIN) --version | cut -d' ' -f2)
DEB_ARCH    = $(shell dpkg --print-architecture)
DEB_STAGE   := .build/deb
deb: $(RELEASE_BIN)
	rm -rf $(DEB_STAGE)
	$(MAKE) install PREFIX=/usr DESTDIR="$(CURDIR)/$(DEB_STAGE)"
	mkdir -p $(DEB_STAGE)/DEBIAN
	sed -e 's/@VERSION@/$(DEB_VERSION)/' -e 's/@ARCH@/$(DEB_ARCH)/' \
	    -e "s/@SIZE@/$$(du -sk --exclude=DEBIAN $(DEB_STAGE) | cut -f1)/" .ci/deb-control > $(DEB_STAGE)/DEBIAN/control
	dpkg-deb --root-owner-group --build $(DEB_STAGE) .build/stepwise_$(DEB_VERSION)_$(DEB_ARCH).deb

# Performance with a whole organisation's data: a release build, synthetic data sets of 1,000,
# 10,000 and 100,000 participants (made once, kept in .build/bench-data), the real binary in a
# pseudo-terminal and the app in-process. Prints a table; all figures go to bench-results.json.
# Not part of `make test`. One size only: make bench BENCH_SIZES=10000
# The program measured is the installed (static) release binary; the bench itself links the
# toolchain's runtime, since its test-support target needs XCTest.
BENCH_SIZES ?= 1000,10000,100000
bench: deps-run release
	$(SWIFT) build -c release --product stepwise-bench
	$(PYTHON) Tests/Bench/bench.py --sizes $(BENCH_SIZES)
	.build/release/stepwise-bench pathological --data .build/bench-data/pathological --resources Resources

deps-run:
	@.ci/install-deps $(RUN_DEPS)

deps-test:
	@PYTHON=$(PYTHON) VENV=$(VENV) .ci/install-deps $(PY_DEPS) $(TEST_DEPS)

clean:
	rm -rf .build
