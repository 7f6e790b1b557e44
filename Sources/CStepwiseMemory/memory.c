#include "CStepwiseMemory.h"

#include <stdlib.h> /* defines __GLIBC__ under glibc */
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int sw_keep_memory_compact(int mmap_threshold) {
#if defined(__GLIBC__)
    int arenas = mallopt(M_ARENA_MAX, 1);
    int threshold = mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    return arenas == 1 && threshold == 1;
#else
    (void)mmap_threshold;
    return 0;
#endif
}
