/* fuzz_main.c - the libFuzzer entry point of every fuzz target: built once per target by
 * tests/fuzz/run with -DFUZZ_ONE=fuzz_NAME_one (the bodies are in fuzz_text.h,
 * fuzz_readers.h and fuzz_html.h). Never built by `make check`, which replays tests/fuzz/corpus/NAME/ through
 * the same bodies (tests/unit/test_fuzz_replay.c). */
#include "fuzz_readers.h"
#include "fuzz_html.h"

#ifndef FUZZ_ONE
#error "build with -DFUZZ_ONE=fuzz_NAME_one (tests/fuzz/run)"
#endif

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	return FUZZ_ONE(data, size);
}
