# Thin aliases for people used to make; the commands themselves live in ./ekb, which needs
# nothing but bash, python3 and python3-venv (README: "Two commands").
.PHONY: run check test-fast bench

run check test-fast bench:
	./ekb $@
