#ifndef CBENCHSUPPORT_H
#define CBENCHSUPPORT_H

#include <stddef.h>

/// Bytes the C heap has handed out and not taken back (glibc's mallinfo2), or 0 elsewhere.
size_t cjm_bench_heap_in_use(void);

#endif
