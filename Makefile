# The two commands of the README. Both install everything into .venv/ first (scripts/bootstrap.sh).
.PHONY: demo test

demo:
	bash scripts/bootstrap.sh
	.venv/bin/graphkit extract data/articles --out out/contacts.jsonl --out out/contacts.ttl
	.venv/bin/graphkit view out/contacts.jsonl --out out/contacts.html

test:
	bash scripts/bootstrap.sh --browser
	.venv/bin/ruff check .
	.venv/bin/mypy graphkit
	.venv/bin/python -m pytest
