# Makefile of the @NAME@ section plugin for rapport (written by
# `rapport new-plugin`).
#   make          builds @NAME@.so
#   make check    validates the sample data with the plugin (rapport check)
#   make report   renders the sample data to report.pdf with the plugin
CFLAGS ?= -O2 -g -Wall -Wextra
RAPPORT ?= @RAPPORT@
@CFLAGS_LINE@

all: @NAME@.so

@NAME@.so: @NAME@.c
	$(CC) $(CFLAGS) -shared -fPIC -fvisibility=hidden $(RAPPORT_CFLAGS) @NAME@.c -o $@

check: @NAME@.so
	$(RAPPORT) check report.json --plugin-dir .

report: report.pdf

report.pdf: @NAME@.so report.json 2023.json 2024.json
	$(RAPPORT) build report.json -o $@ --plugin-dir .

clean:
	rm -f @NAME@.so report.pdf

.PHONY: all check report clean
