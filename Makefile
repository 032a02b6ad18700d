# The two commands a newcomer needs (see README.md):
#   make run   - set up, build and serve the app on http://127.0.0.1:3000
#   make test  - set up and run every test (Rust and browser)
.PHONY: run test bootstrap bench fmt

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

bootstrap:
	bash scripts/bootstrap.sh

bench:
	bash scripts/bench.sh

fmt:
	cargo fmt
