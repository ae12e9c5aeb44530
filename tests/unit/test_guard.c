/*
 * test_guard.c - the crash guard around plugin callbacks: a crash of each
 * kind comes back as its signal number, a stack overflow too (alternate
 * stack), the guard can be used again after a crash, and a callback that
 * returns is not disturbed.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "base/guard.h"
#include "rapport/plugin.h"

static int returns_seven(void *arg)
{
	(void)arg;
	return 7;
}

static int null_write(void *arg)
{
	volatile int *p = arg;
	*p = 1;
	return 0;
}

static int divides_by_zero(void *arg)
{
	volatile int one = 1, zero = *(int *)arg;
	return one / zero;
}

static int aborts(void *arg)
{
	(void)arg;
	abort();
}

static volatile int never;

/* Recurses until the stack runs out. */
static int deep(void *arg)
{
	volatile char frame[1024];
	frame[0] = (char)(intptr_t)arg;
	if (never)
		return frame[0];
	return deep((void *)((intptr_t)arg + 1)) + frame[0];
}

static void returns_normally(void **state)
{
	int rc = 0;
	assert_int_equal(guard_run(returns_seven, NULL, &rc), 0);
	assert_int_equal(rc, 7);
}

static void catches_each_signal(void **state)
{
	int rc = 0, zero = 0;
	assert_int_equal(guard_run(null_write, NULL, &rc), SIGSEGV);
	assert_int_equal(rc, RAPPORT_FAIL);
	assert_int_equal(guard_run(divides_by_zero, &zero, &rc), SIGFPE);
	assert_int_equal(guard_run(aborts, NULL, &rc), SIGABRT);
	/* usable again after crashes, and the result is the callback's */
	assert_int_equal(guard_run(returns_seven, NULL, &rc), 0);
	assert_int_equal(rc, 7);
}

static void catches_stack_overflow(void **state)
{
	int rc = 0;
	assert_int_equal(guard_run(deep, NULL, &rc), SIGSEGV);
	assert_int_equal(rc, RAPPORT_FAIL);
}

static void restores_handlers(void **state)
{
	int rc;
	struct sigaction before, after;
	sigaction(SIGSEGV, NULL, &before); /* cmocka's own handler */
	guard_run(null_write, NULL, &rc);
	sigaction(SIGSEGV, NULL, &after);
	assert_true(after.sa_handler == before.sa_handler);
}

static void names_signals(void **state)
{
	assert_string_equal(guard_signal_name(SIGSEGV), "SIGSEGV (invalid memory access)");
	assert_string_equal(guard_signal_name(SIGABRT), "SIGABRT (abort)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(returns_normally),       cmocka_unit_test(catches_each_signal),
	        cmocka_unit_test(catches_stack_overflow), cmocka_unit_test(restores_handlers),
	        cmocka_unit_test(names_signals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
