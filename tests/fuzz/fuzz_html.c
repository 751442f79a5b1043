/* fuzz_html.c - libFuzzer target for the HTML path: the HTML5 parser, the tree walk and
 * the cleaner (the body is in fuzz_html.h). Built and run by `FUZZ_TARGET=html
 * tests/fuzz/run`; its crashers are kept in tests/fuzz/corpus-html/ and replayed by
 * tests/unit/test_html.c in `make check`. */
#include "fuzz_html.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	return fuzz_html_one(data, size);
}
