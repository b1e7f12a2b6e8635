#include "CBenchSupport.h"

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#include <malloc.h>
size_t cjm_bench_heap_in_use(void) { return mallinfo2().uordblks; }
#else
size_t cjm_bench_heap_in_use(void) { return 0; }
#endif
