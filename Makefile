# Stepwise: `make run` opens the program on demo data, `make test` runs every test.
# Both install the system packages they need first (with apt-get; as root or with sudo).

SWIFT      ?= swift
DEMO_DATA  ?= $(CURDIR)/demo-data
RUN_DEPS   := libncurses-dev fonts-dejavu-core
TEST_DEPS  := libncurses-dev fonts-dejavu-core tmux cups cups-bsd printer-driver-cups-pdf poppler-utils libreoffice-calc-nogui
PY_DEPS    := --python jsonschema --python icalendar

export SWIFT_BACKTRACE := interactive=no

.PHONY: run test build release deps-run deps-test clean bench

run: deps-run release
	@test -d "$(DEMO_DATA)/participants" || .build/release/stepwise demo --data "$(DEMO_DATA)"
	@.build/release/stepwise --data "$(DEMO_DATA)"

test: deps-test build
	TZ=UTC STEPWISE_BIN="$(CURDIR)/.build/debug/stepwise" $(SWIFT) test

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

# Performance with a whole organisation's data: a release build, synthetic data sets of 1,000,
# 10,000 and 100,000 participants (made once, kept in .build/bench-data), the real binary in a
# pseudo-terminal and the app in-process. Prints a table; all figures go to bench-results.json.
# Not part of `make test`. One size only: make bench BENCH_SIZES=10000
BENCH_SIZES ?= 1000,10000,100000
bench: deps-run release
	python3 Tests/Bench/bench.py --sizes $(BENCH_SIZES)

deps-run:
	@.ci/install-deps $(RUN_DEPS)

deps-test:
	@.ci/install-deps $(PY_DEPS) $(TEST_DEPS)

clean:
	rm -rf .build
