# The @NAME@ section plugin

A section plugin for rapport, written by `rapport new-plugin @NAME@`.

    make            # builds @NAME@.so
    make check      # checks the sample data: rapport check report.json --plugin-dir .
    make report     # renders report.pdf from report.json, 2023.json and 2024.json
    make test       # runs test_@NAME@.c (cmocka) against rapport's fake host

Files:

- `@NAME@.c`: the plugin.  It declares the data it takes (`year_fields`,
  `section_fields`), checks what the declarations cannot (`@NAME@_validate`)
  and emits a table, sentences and a chart (`@NAME@_emit`).  Start there.
- `report.json`: a report definition with one `@NAME@` section;
  `2023.json`, `2024.json`: its year files, each with a `@NAME@` member.
- `test_@NAME@.c`: tests of the section against rapport's fake host
  (`fakehost.h`), which records every block the plugin emits.
- `Makefile`: builds against `<rapport/plugin.h>` (@HEADER_FROM@).

`rapport describe @NAME@ --plugin-dir .` prints the data the section takes
as Markdown.  To use the plugin in a real report, copy `@NAME@.so` into a
directory of its own (not writable by other users) and give it to rapport
with `--plugin-dir DIR` or `RAPPORT_PLUGIN_PATH=DIR`, or install it into
`$(pkg-config --variable=plugindir rapport-plugin)`.  The guide is
`docs/writing-plugins.md` in rapport's sources; the API is documented in
`<rapport/plugin.h>` itself.
