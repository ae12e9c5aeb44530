/*
 * chart.h - the parts of the chart library that are pure functions, for the
 * layout engine and the tests: the value axis and the series palette.
 */
#ifndef RAPPORT_CHART_H
#define RAPPORT_CHART_H

#include "page/page.h"

/* A value axis: ticks from lo to hi (both multiples of step, lo <= 0 <= hi)
 * every step; decimals is what a tick label needs ("0,5" needs 1). */
typedef struct chart_axis {
	double lo, hi, step;
	int decimals;
	int nticks; /* number of tick values, lo and hi included */
} chart_axis;

/* The axis for data between dmin and dmax with about `intervals` intervals
 * of 1, 2 or 5 times a power of ten (the nearest to an even split).  Zero is always on the axis, so
 * bars start at zero: chart_nice_axis(0, 586, 5) gives 0, 100, ..., 600. */
chart_axis chart_nice_axis(double dmin, double dmax, int intervals);

/* Fill colour and hatch pattern of series (or slice) i.  Colours are the
 * Okabe-Ito set; series whose colours come close in greyscale get a hatch
 * pattern (0: none, 1: "/", 2: "\", 3: "-", 4: "x"). */
rgb chart_colour(size_t i);
int chart_hatch(size_t i);

#endif
