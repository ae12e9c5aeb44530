/* The host's API level 2 members as a plugin meets them: header groups of a
 * table, decimal alignment passed through, pictures (an image outside the
 * report's directory refused, a good one placed), and the new chart kinds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "plugin/host.h"
#include "rapport/plugin.h"

#define SRC ABS_TOP_SRCDIR "/tests/e2e"

static const rapport_section_type TYPE = {.name = "probe", .api_level = 2};

typedef struct fixture {
	report r;
	report_section sec;
	block_list blocks;
	rapport_ctx ctx;
	diag d;
	jdoc *doc;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	diag_init(&f->d);
	f->d.quiet = 1;
	f->r.path = (char *)SRC "/charts.json";
	f->doc = jdoc_parse("probe.json", "{\"type\": \"probe\"}", 17, &f->d);
	f->sec.node = jdoc_root(f->doc);
	f->sec.type = "probe";
	f->sec.title = "Probe";
	f->sec.level = 1;
	blocks_init(&f->blocks);
	ctx_init(&f->ctx, &f->r, &f->blocks, LANG_SV, &f->d);
	f->ctx.sec = &f->sec;
	f->ctx.type = &TYPE;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	ctx_free(&f->ctx);
	blocks_free(&f->blocks);
	jdoc_free(f->doc);
	free(f);
	return 0;
}

static void the_host_offers_level_2(void **state)
{
	(void)state;
	const rapport_host *h = host_table();
	assert_int_equal(h->api_level, 2);
	assert_true(RAPPORT_HAS(h, table_groups));
	assert_true(RAPPORT_HAS(h, image));
	assert_non_null(h->table_groups);
	assert_non_null(h->image);
}

static void header_groups_and_decimal_alignment(void **state)
{
	fixture *f = *state;
	const rapport_host *h = host_table();
	const char *head[] = {"År", "Kvinnor", "Män"};
	const char *groups[] = {NULL, "Anställda", "Anställda"};
	const int align[] = {RAPPORT_ALIGN_LEFT, RAPPORT_ALIGN_DECIMAL, RAPPORT_ALIGN_DECIMAL};
	h->table_begin(&f->ctx, "Anställda", 3, head, align);
	h->table_groups(&f->ctx, groups);
	const char *row[] = {"2016", "113", "66"};
	h->table_row(&f->ctx, row, 0);
	h->table_end(&f->ctx);
	assert_int_equal(f->blocks.n, 1);
	const block_table *t = f->blocks.v[0].table;
	assert_non_null(t->groups);
	assert_string_equal(t->groups[0], "");
	assert_string_equal(t->groups[1], "Anställda");
	assert_string_equal(t->groups[2], "Anställda");
	assert_int_equal(t->align[1], RAPPORT_ALIGN_DECIMAL);
}

static void images_inside_the_report_directory_only(void **state)
{
	fixture *f = *state;
	const rapport_host *h = host_table();
	assert_int_equal(h->image(&f->ctx, "img/photo.jpg", "En bild", 0.5), RAPPORT_OK);
	assert_int_equal(f->blocks.n, 1);
	const block_image *im = f->blocks.v[0].image;
	assert_int_equal(im->width, 320);
	assert_int_equal(im->height, 200);
	assert_float_equal(im->scale, 0.5, 1e-6);
	assert_string_equal(im->caption, "En bild");
	assert_int_equal(h->image(&f->ctx, "../e2e/img/logo.png", "Logga", 0), RAPPORT_OK);

	int errors = f->d.errors;
	assert_int_equal(h->image(&f->ctx, "../unit/test_chart.c", "Ut", 1), RAPPORT_FAIL);
	assert_int_equal(f->d.errors, errors + 1);
	assert_non_null(strstr(f->d.last, "outside the data directory"));
	assert_int_equal(h->image(&f->ctx, "charts.json", "Text", 1), RAPPORT_FAIL);
	assert_non_null(strstr(f->d.last, "not a PNG or JPEG file"));
	assert_int_equal(h->image(&f->ctx, "img/photo.jpg", "Bred", 1.5), RAPPORT_FAIL);
	assert_non_null(strstr(f->d.last, "width 1.5"));
	assert_int_equal(f->blocks.n, 2);
}

static void new_chart_kinds_are_accepted(void **state)
{
	fixture *f = *state;
	const rapport_host *h = host_table();
	const char *cats[] = {"Hälsingland", "Gästrikland"};
	const double v[] = {17, 11};
	rapport_series s = {"2020", v};
	for (int k = RAPPORT_CHART_HBAR; k <= RAPPORT_CHART_DONUT; k++) {
		rapport_chart c = {.kind = k,
		                   .caption = "Företag",
		                   .n_categories = 2,
		                   .categories = cats,
		                   .n_series = 1,
		                   .series = &s};
		h->chart(&f->ctx, &c);
	}
	assert_int_equal(f->blocks.n, 5);
	assert_int_equal(f->blocks.v[4].chart->kind, RAPPORT_CHART_DONUT);
	int warnings = f->d.warnings;
	rapport_chart bad = {.kind = RAPPORT_CHART_DONUT + 1,
	                     .caption = "X",
	                     .n_categories = 2,
	                     .categories = cats,
	                     .n_series = 1,
	                     .series = &s};
	h->chart(&f->ctx, &bad);
	assert_int_equal(f->blocks.n, 5);
	assert_int_equal(f->d.warnings, warnings + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(the_host_offers_level_2),
	        cmocka_unit_test_setup_teardown(header_groups_and_decimal_alignment, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(images_inside_the_report_directory_only, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(new_chart_kinds_are_accepted, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
