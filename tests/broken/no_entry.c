/* A shared object with no rapport entry point.  Built for `make check`
 * only; rapport must refuse it with a message. */
int not_a_plugin(void);
int not_a_plugin(void)
{
	return 42;
}
