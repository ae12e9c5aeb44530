#include "config.h"

#include "base/guard.h"

#include <setjmp.h>
#include <signal.h>
#include <string.h>

#include "rapport/plugin.h"

static const int CAUGHT[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
#define NCAUGHT        (sizeof(CAUGHT) / sizeof(CAUGHT[0]))
#define ALT_STACK_SIZE (64 * 1024)

static sigjmp_buf jump;
static volatile sig_atomic_t armed;

/* Leaves the plugin's callback for the sigsetjmp in guard_run().  A signal
 * arriving when no guard is armed (a bug in the core itself) gets the
 * default action. */
static void on_fault(int sig)
{
	if (armed) {
		armed = 0;
		siglongjmp(jump, sig);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* An alternate stack, set up once, so that a plugin overflowing its stack
 * can still be reported. */
static void ensure_alt_stack(void)
{
	static char alt_stack[ALT_STACK_SIZE];
	static int done;
	if (done)
		return;
	stack_t ss;
	memset(&ss, 0, sizeof(ss));
	ss.ss_sp = alt_stack;
	ss.ss_size = sizeof(alt_stack);
	if (sigaltstack(&ss, NULL) == 0)
		done = 1;
}

int guard_run(int (*fn)(void *arg), void *arg, int *rc)
{
	struct sigaction sa, old[NCAUGHT];
	ensure_alt_stack();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fault;
	sa.sa_flags = SA_ONSTACK | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NCAUGHT; i++)
		sigaction(CAUGHT[i], &sa, &old[i]);

	volatile int sig = sigsetjmp(jump, 1);
	if (sig == 0) {
		armed = 1;
		*rc = fn(arg);
		armed = 0;
	} else {
		*rc = RAPPORT_FAIL;
	}
	for (size_t i = 0; i < NCAUGHT; i++)
		sigaction(CAUGHT[i], &old[i], NULL);
	return sig;
}

const char *guard_signal_name(int sig)
{
	switch (sig) {
	case SIGSEGV:
		return "SIGSEGV (invalid memory access)";
	case SIGBUS:
		return "SIGBUS (bus error)";
	case SIGFPE:
		return "SIGFPE (arithmetic error)";
	case SIGILL:
		return "SIGILL (illegal instruction)";
	case SIGABRT:
		return "SIGABRT (abort)";
	default:
		return "an unexpected signal";
	}
}
