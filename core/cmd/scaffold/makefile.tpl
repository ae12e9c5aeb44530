# Makefile of the @NAME@ section plugin for rapport (written by
# `rapport new-plugin`).
#   make          builds @NAME@.so
#   make check    validates the sample data with the plugin (rapport check)
#   make report   renders the sample data to report.pdf with the plugin
#   make test     runs test_@NAME@.c against rapport's fake host (needs cmocka
#                 and cJSON: libcmocka-dev, libcjson-dev)
CFLAGS ?= -O2 -g -Wall -Wextra
RAPPORT ?= @RAPPORT@
@CFLAGS_LINE@
TEST_LIBS = $(shell $(PKG_CONFIG) --cflags --libs cmocka libcjson) -lm

all: @NAME@.so

@NAME@.so: @NAME@.c
	$(CC) $(CFLAGS) -shared -fPIC -fvisibility=hidden $(RAPPORT_CFLAGS) @NAME@.c -o $@

check: @NAME@.so
	$(RAPPORT) check report.json --plugin-dir .

report: report.pdf

report.pdf: @NAME@.so report.json 2023.json 2024.json
	$(RAPPORT) build report.json -o $@ --plugin-dir .

test_@NAME@: test_@NAME@.c @NAME@.c
	$(CC) $(CFLAGS) $(RAPPORT_CFLAGS) -I$(FAKEHOST_DIR) test_@NAME@.c \
	  $(FAKEHOST_DIR)/fakehost.c $(TEST_LIBS) -o $@

test: test_@NAME@
	./test_@NAME@

clean:
	rm -f @NAME@.so report.pdf test_@NAME@

.PHONY: all check report test clean
