# Everyday commands. `make help` lists them. CI runs .ci/run, which runs `scripts/test` (= make test).
.PHONY: help build release run test test-sqlite bench load format lint

help:
	@echo "make build     debug build of everything, tests included"
	@echo "make release   release build of the server and the benchmarks"
	@echo "make run       start Traguardo on http://127.0.0.1:8080 (SQLite, demo data on first run)"
	@echo "make test      the whole suite: SQLite, PostgreSQL, headless Chromium (as CI)"
	@echo "make test-sqlite  only the Swift tests on in-memory SQLite (fast)"
	@echo "make bench     scoring and import benchmarks (release)"
	@echo "make load      every page under wrk against nginx serving the same bytes (release)"
	@echo "make format    format the Swift sources in place with swift-format"
	@echo "make lint      check formatting as CI does"

build:
	swift build --build-tests

release:
	swift build -c release --product traguardo
	swift build -c release --product traguardo-bench

run:
	swift run traguardo serve

test:
	scripts/test

test-sqlite:
	swift test

bench:
	swift run -c release traguardo-bench
	swift run -c release traguardo-bench import

load: release
	scripts/load --engine both

format:
	swift format --in-place --recursive --parallel Sources Tests Package.swift

lint:
	swift format lint --strict --recursive --parallel Sources Tests Package.swift
