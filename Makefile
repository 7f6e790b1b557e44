# Stepwise: `make run` opens the program on demo data, `make test` runs every test.
# Both install the system packages they need first (with apt-get; as root or with sudo).

SWIFT      ?= swift
DEMO_DATA  ?= $(CURDIR)/demo-data
RUN_DEPS   := libncurses-dev
TEST_DEPS  := libncurses-dev tmux cups cups-bsd printer-driver-cups-pdf poppler-utils
PY_DEPS    := --python jsonschema --python icalendar

export SWIFT_BACKTRACE := interactive=no

.PHONY: run test build release deps-run deps-test clean

run: deps-run release
	@test -d "$(DEMO_DATA)/participants" || .build/release/stepwise demo --data "$(DEMO_DATA)"
	@.build/release/stepwise --data "$(DEMO_DATA)"

test: deps-test build
	TZ=UTC STEPWISE_BIN="$(CURDIR)/.build/debug/stepwise" $(SWIFT) test

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

deps-run:
	@.ci/install-deps $(RUN_DEPS)

deps-test:
	@.ci/install-deps $(PY_DEPS) $(TEST_DEPS)

clean:
	rm -rf .build
