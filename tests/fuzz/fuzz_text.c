/* fuzz_text.c - libFuzzer target for the text layer: af_tokenize, af_sentences and
 * af_entities_find (the body is in fuzz_text.h). Built and run by tests/fuzz/run, never by
 * `make check`; its crashers are kept in tests/fuzz/corpus/ and replayed there by
 * tests/unit/test_fuzz_replay.c. */
#include "fuzz_text.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	return fuzz_text_one(data, size);
}
