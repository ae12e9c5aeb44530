/* Fixed-width metrics for layout tests: every glyph is half an em wide,
 * so widths are easy to compute by hand. */
#ifndef RAPPORT_FAKE_METRICS_H
#define RAPPORT_FAKE_METRICS_H

#include "text/fonts.h"

static int fake_width(void *ud, face_id f, uint32_t cp)
{
	(void)ud;
	(void)f;
	(void)cp;
	return 500;
}

static int fake_has(void *ud, face_id f, uint32_t cp)
{
	(void)ud;
	(void)f;
	(void)cp;
	return 1;
}

static const metrics FAKE_METRICS = {
        .ud = 0,
        .width = fake_width,
        .has_glyph = fake_has,
        .ascent = {800, 800, 800, 800, 800, 800},
        .descent = {-200, -200, -200, -200, -200, -200},
};

#endif
