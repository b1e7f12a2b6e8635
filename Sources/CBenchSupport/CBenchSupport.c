#include "CBenchSupport.h"

#if defined(__linux__)
#include <malloc.h>
#endif

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
size_t cjm_bench_heap_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    // Small blocks from the arena plus large ones glibc maps directly.
    return info.uordblks + info.hblkhd;
}
#else
size_t cjm_bench_heap_in_use(void) { return 0; }
#endif
