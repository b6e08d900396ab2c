# Coder: `make run` sets up, builds and opens the app on the demo project;
# `make test` sets up and runs every test. See README.md.
GO      ?= go
BIN     := bin/coder
DEMO    := build/demo.coder
GOFILES := $(shell git ls-files '*.go' 2>/dev/null)
FUZZTIME ?= 20s
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null)
COMMIT  ?= $(shell git rev-parse --short HEAD 2>/dev/null)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT)

.PHONY: all deps build run demo test test-go test-gui vet bench fuzz clean package

all: build

deps:
	@scripts/deps.sh build

build: deps
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/coder

$(DEMO): | build
	@mkdir -p build
	$(BIN) demo $(DEMO)

demo: build $(DEMO)

run: build $(DEMO)
	$(BIN) $(DEMO)

vet:
	@test -z "$$(gofmt -l $(GOFILES))" || { echo "gofmt would change:"; gofmt -l $(GOFILES); exit 1; }
	$(GO) vet -tags ci ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 -tags ci ./...

test: 
	@scripts/deps.sh test
	$(MAKE) vet
	$(GO) test -tags ci -count=1 -timeout 30m ./...
	$(GO) build -o $(BIN) ./cmd/coder
	scripts/screenshot-test.sh $(BIN) build/screenshot.png

bench:
	@scripts/deps.sh bench
	$(GO) run ./bench/cmd/searchbench
	$(GO) run ./bench/cmd/importbench
	$(GO) run ./bench/cmd/mergebench
	$(GO) test -tags ci -run '^$$' -bench . -benchmem ./ingest ./ui ./project ./analysis ./assist

# Runs every fuzz target for FUZZTIME each (go test fuzzes one target at a time).
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -tags ci -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$t"; \
	    $(GO) test -tags ci -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 0 $$pkg || exit 1; \
	  done; \
	done

package: build
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux -src cmd/coder -icon ../../assets/icon.png

# Release artefacts for Linux and Windows in dist/ (slow; CI runs it only with CI_DIST=1).
.PHONY: dist
dist:
	VERSION="$(VERSION)" COMMIT="$(COMMIT)" scripts/dist.sh

# Checks dist/ (checksums, zip, tarball, .deb Depends; as root installs and removes the .deb); builds it first if missing.
.PHONY: dist-test
dist-test:
	VERSION="$(VERSION)" COMMIT="$(COMMIT)" scripts/dist-test.sh

# The Windows build under Wine (CLI, paths, window): slow, needs wine and mingw; not in `make test`.
.PHONY: wine-test
wine-test:
	scripts/wine-test.sh

clean:
	rm -rf bin build
