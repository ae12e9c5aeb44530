/*
 * gen.c - the benchmark's data generator: writes a report definition and one
 * year file per year, in the format of docs/data-format.md, for a synthetic
 * samordningsförbund whose report goes through the real plugins (outreach,
 * placements, census, analysis) and the built-in text sections.
 *
 *   rapport-bench-gen DIR YEARS [MILESTONES [SEED]]
 *
 * writes DIR/report.json and DIR/Y.json for YEARS years from 1900 on (at most
 * 301: report.c accepts 1900-2200).  MILESTONES (default 12) is the number of
 * milestones per year, the main knob for pages per year.  Output depends only
 * on the arguments: the same arguments give byte-identical files.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define FIRST_YEAR 1900
#define MAX_YEARS  301 /* 1900-2200, the years core/data/report.c accepts */

/* xorshift32: small, fast and the same everywhere */
static uint32_t rng_state;

static uint32_t rnd(uint32_t n)
{
	uint32_t x = rng_state;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	rng_state = x;
	return n ? x % n : 0;
}

#define PICK(arr) (arr[rnd(sizeof(arr) / sizeof(arr[0]))])

static const char *const words[] = {
        "förbundet",
        "parterna",
        "kommunen",
        "samverkan",
        "arbetsträning",
        "rehabilitering",
        "företagen",
        "insatsen",
        "kunskapen",
        "handledare",
        "medarbetare",
        "politiker",
        "tjänstepersoner",
        "målgruppen",
        "strukturer",
        "utveckling",
        "arbetsmarknaden",
        "försörjning",
        "deltagarna",
        "utbildningen",
        "dialog",
        "nätverket",
        "regionen",
        "länet",
        "uppdraget",
        "handlingsplan",
        "uppföljning",
        "erfarenheter",
        "möjligheter",
        "förutsättningar",
        "stöd",
        "arbete",
        "platser",
        "verksamheten",
        "ersättning",
        "långsiktigt",
        "hållbart",
        "gemensamt",
        "lokalt",
        "regionalt",
        "tydligt",
        "särskilt",
        "ökade",
        "minskade",
        "fortsatte",
        "genomförde",
        "utvecklade",
        "samlade",
        "spred",
        "stärkte",
        "och",
        "med",
        "för",
        "om",
        "till",
        "inom",
        "under",
        "genom",
        "mellan",
        "efter",
        "år",
        "många",
        "fler",
        "nya",
        "goda",
        "Arbetsförmedlingen",
        "Försäkringskassan",
        "Coompanion",
        "Tillväxtverket",
        "SKR",
};

static const char *const municipalities[] = {
        "Bollnäs",  "Gävle",    "Hofors",    "Hudiksvall", "Ljusdal", "Nordanstig",
        "Ockelbo",  "Ovanåker", "Sandviken", "Söderhamn",  "Edsbyn",  "Järvsö",
        "Delsbo",   "Forsa",    "Iggesund",  "Sandarne",   "Valbo",   "Storvik",
        "Torsåker", "Kilafors", "Arbrå",     "Alfta",      "Los",     "Färila",
};

/* five regions: the regions table has a column per region and must fit */
static const char *const regions[] = {
        "Hälsingland", "Gästrikland", "Dalarna", "Medelpad", "Jämtland",
};

static const char *const kinds[] = {
        "konferens", "temadag",       "frukostmote", "seminarium",  "utbildning", "samverkansgrupp",
        "policy",    "handlingsplan", "pris",        "film",        "podd",       "projekt",
        "forstudie", "rekrytering",   "forankring",  "publikation", "natverk",    "omvarld",
};

static const char *const months[] = {
        "januari",   "februari", "mars",     "april",    "maj",    "juni",  "augusti",
        "september", "oktober",  "november", "december", "hösten", "våren",
};

static const char *const objective_ids[] = {"kunskap", "kant", "struktur", "nyttjande"};

static const char *const results[] = {"arbete", "arbetsformedlingen", "ater", "forlangning"};

static FILE *out;

static void put(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
}

/* A sentence of n words (capitalised first letter when ASCII, a full stop),
 * now and then with a bold or italic word in the inline markup. */
static void sentence(int n)
{
	for (int i = 0; i < n; i++) {
		const char *w = PICK(words);
		const char *mark = rnd(23) == 0 ? "**" : rnd(19) == 0 ? "*" : "";
		if (i == 0 && w[0] >= 'a' && w[0] <= 'z')
			put("%s%c%s%s", mark, w[0] - 'a' + 'A', w + 1, mark);
		else
			put("%s%s%s%s", i ? " " : "", mark, w, mark);
		if (i > 0 && i < n - 1 && rnd(9) == 0)
			put(",");
	}
	put(".");
}

/* A paragraph of s sentences of 8-20 words, as a JSON string. */
static void paragraph(int s)
{
	put("\"");
	for (int i = 0; i < s; i++) {
		if (i)
			put(" ");
		sentence(8 + (int)rnd(13));
	}
	put("\"");
}

static int write_year(const char *dir, int year, int milestones)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%d.json", dir, year);
	out = fopen(path, "w");
	if (!out) {
		fprintf(stderr, "rapport-bench-gen: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	put("{\n  \"format\": 1,\n  \"year\": %d,\n", year);

	put("  \"outreach\": {\n    \"reached\": %u,\n", 50 + rnd(900));
	if (rnd(3) == 0)
		put("    \"reached_note\": \"exklusive podd-lyssnare\",\n");
	put("    \"main_activities\": [ \"informationsmöten\", \"konferenser\", \"seminarier\" "
	    "],\n");
	put("    \"milestones\": [\n");
	for (int m = 0; m < milestones; m++) {
		const char *kind = PICK(kinds);
		put("      { \"kind\": \"%s\", \"when\": \"%s\", \"place\": \"%s\",\n", kind,
		    PICK(months), PICK(municipalities));
		if (rnd(2))
			put("        \"title\": \"%s %s %d\",\n", "Vägar till arbete i",
			    PICK(regions), m + 1);
		put("        \"partners\": [ \"Arbetsförmedlingen\", \"Region Gävleborg\" ],\n");
		if (strcmp(kind, "omvarld") != 0)
			put("        \"objectives\": [ \"%s\", \"%s\" ],\n", objective_ids[m % 4],
			    objective_ids[(m + 1 + rnd(3)) % 4]);
		put("        \"figures\": { \"deltagare\": %u, \"kommuner\": %u },\n", 5 + rnd(120),
		    1 + rnd(10));
		put("        \"municipalities\": [ \"%s\", \"%s\" ],\n", PICK(municipalities),
		    PICK(municipalities));
		put("        \"text\": ");
		paragraph(2 + (int)rnd(4));
		put(" }%s\n", m + 1 < milestones ? "," : "");
	}
	put("    ]\n  },\n");

	/* placements: five to ten grants in different municipalities */
	int ngrants = 5 + (int)rnd(6);
	int first = (int)rnd(sizeof(municipalities) / sizeof(municipalities[0]));
	put("  \"placements\": [\n");
	for (int g = 0; g < ngrants; g++) {
		unsigned granted = 1 + rnd(12), used = rnd(granted + 1), women = rnd(used + 1);
		put("    { \"municipality\": \"%s\", \"granted\": %u, \"used\": %u, \"women\": %u, "
		    "\"men\": %u,\n",
		    municipalities[(first + g) %
		                   (int)(sizeof(municipalities) / sizeof(municipalities[0]))],
		    granted, used, women, used - women);
		put("      \"target_group\": \"Individer långt från arbetsmarknaden\",\n");
		put("      \"outcomes\": [ { \"result\": \"%s\", \"count\": %u, \"gender\": \"%s\" "
		    "}, "
		    "{ \"result\": \"%s\" } ] }%s\n",
		    results[rnd(3)], rnd(used + 1), rnd(2) ? "kvinna" : "man", results[3],
		    g + 1 < ngrants ? "," : "");
	}
	put("  ],\n");

	/* census: the stated totals disagree with their parts now and then */
	unsigned women = 50 + rnd(200), men = 40 + rnd(200);
	unsigned af = 20 + rnd(150), kommun = 10 + rnd(90), ovriga = rnd(20);
	put("  \"census\": {\n    \"when\": \"hösten\",\n    \"companies\": %u,\n", 20 + rnd(30));
	put("    \"employees\": { \"total\": %u, \"women\": %u, \"men\": %u },\n",
	    women + men + (rnd(7) == 0), women, men);
	put("    \"placed\": { \"total\": %u, \"arbetsformedlingen\": %u, \"kommun\": %u, "
	    "\"ovriga\": %u },\n",
	    af + kommun + ovriga + (rnd(5) == 0 ? 2 : 0), af, kommun, ovriga);
	put("    \"regions\": {");
	for (size_t r = 0; r < sizeof(regions) / sizeof(regions[0]); r++)
		put("%s \"%s\": %u", r ? "," : "", regions[r], 1 + rnd(20));
	put(" }\n  }\n}\n");
	if (fclose(out) != 0) {
		fprintf(stderr, "rapport-bench-gen: cannot write %s\n", path);
		return -1;
	}
	return 0;
}

/* A text section of `n` subsections, each a heading, paragraphs and a list. */
static void text_section(const char *title, int n, int whole_period, int last)
{
	put("    { \"type\": \"text\", \"title\": \"%s\",%s \"content\": [\n", title,
	    whole_period ? " \"whole_period\": true," : "");
	for (int i = 0; i < n; i++) {
		put("      { \"heading\": \"Del %d\" },\n      { \"paragraph\": ", i + 1);
		paragraph(4 + (int)rnd(4));
		put(" },\n      { \"paragraph\": ");
		paragraph(3 + (int)rnd(4));
		put(" },\n      { \"list\": [ ");
		for (int k = 0; k < 4; k++) {
			if (k)
				put(", ");
			paragraph(1);
		}
		put(" ] }%s\n", i + 1 < n ? "," : "");
	}
	put("    ] }%s\n", last ? "" : ",");
}

static void intro(void)
{
	put(" \"intro\": [ { \"paragraph\": ");
	paragraph(3);
	put(" } ]");
}

static int write_report(const char *dir, int years, int milestones)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/report.json", dir);
	out = fopen(path, "w");
	if (!out) {
		fprintf(stderr, "rapport-bench-gen: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	int last = FIRST_YEAR + years - 1;
	put("{\n  \"format\": 1,\n  \"kind\": \"slutrapport\",\n");
	put("  \"organisation\": \"Samordningsförbund Benchmark\",\n");
	put("  \"title\": \"Slutrapport\",\n");
	put("  \"subtitle\": \"Genererade data för prestandamätning, %d år med %d milstolpar per "
	    "år\",\n",
	    years, milestones);
	put("  \"authors\": [ { \"name\": \"Rapport Bench\", \"role\": \"Generator\" } ],\n");
	put("  \"date\": \"2021-02-11\",\n");
	put("  \"period\": { \"first\": %d, \"last\": %d, \"label\": \"%d – %d\" },\n", FIRST_YEAR,
	    last, FIRST_YEAR, last);
	put("  \"years\": [");
	for (int y = FIRST_YEAR; y <= last; y++)
		put("%s \"%d.json\"", y > FIRST_YEAR ? "," : "", y);
	put(" ],\n  \"objectives\": [\n");
	for (int i = 0; i < 4; i++) {
		put("    { \"id\": \"%s\", \"text\": ", objective_ids[i]);
		paragraph(1);
		put(", \"assessment\": \"%s\", \"comment\": ", i < 2 ? "uppfyllt" : "delvis");
		paragraph(2);
		put(" }%s\n", i < 3 ? "," : "");
	}
	put("  ],\n  \"stated\": { \"outreach\": { \"reached\": %d, \"note\": \"exklusive "
	    "podd-lyssnare\" } },\n",
	    years * 500);
	put("  \"sections\": [\n");
	text_section("Uppdrag", 2 + years / 30, 0, 0);
	text_section("Bakgrund", 2 + years / 30, 0, 0);
	put("    { \"type\": \"placements\", \"title\": \"Individinriktade insatser\", \"level\": "
	    "2,");
	intro();
	put(" },\n    { \"type\": \"outreach\", \"title\": \"Strukturinriktade insatser\", "
	    "\"level\": 2,");
	intro();
	put(" },\n    { \"type\": \"census\", \"title\": \"Företagsinventering\", \"level\": 2,");
	intro();
	put(" },\n    { \"type\": \"analysis\", \"title\": \"Analys\", \"whole_period\": true,");
	intro();
	put(" },\n");
	text_section("Slutsatser", 1 + years / 60, 1, 1);
	put("  ]\n}\n");
	if (fclose(out) != 0) {
		fprintf(stderr, "rapport-bench-gen: cannot write %s\n", path);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 5) {
		fprintf(stderr, "usage: rapport-bench-gen DIR YEARS [MILESTONES [SEED]]\n");
		return 2;
	}
	const char *dir = argv[1];
	char *end;
	long years = strtol(argv[2], &end, 10);
	if (*end || years < 1 || years > MAX_YEARS) {
		fprintf(stderr, "rapport-bench-gen: YEARS must be 1-%d, not '%s'\n", MAX_YEARS,
		        argv[2]);
		return 2;
	}
	long milestones = argc > 3 ? strtol(argv[3], &end, 10) : 12;
	if (argc > 3 && (*end || milestones < 1 || milestones > 1000)) {
		fprintf(stderr, "rapport-bench-gen: MILESTONES must be 1-1000, not '%s'\n",
		        argv[3]);
		return 2;
	}
	long seed = argc > 4 ? strtol(argv[4], &end, 10) : 1;
	if (argc > 4 && (*end || seed < 1 || seed > 0x7fffffffL)) {
		fprintf(stderr, "rapport-bench-gen: SEED must be a positive number, not '%s'\n",
		        argv[4]);
		return 2;
	}
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "rapport-bench-gen: cannot create %s: %s\n", dir, strerror(errno));
		return 1;
	}
	rng_state = (uint32_t)seed * 2654435761u | 1u;
	if (write_report(dir, (int)years, (int)milestones) != 0)
		return 1;
	for (int y = 0; y < years; y++)
		if (write_year(dir, FIRST_YEAR + y, (int)milestones) != 0)
			return 1;
	return 0;
}
