# Thin wrappers; the scripts do the work and work from any folder.
.PHONY: demo demo-reset test lint i18n

demo:
	scripts/demo.sh

demo-reset:
	scripts/demo.sh --reset

test:
	scripts/test.sh

lint:
	scripts/lint.sh

i18n:
	scripts/i18n.sh
