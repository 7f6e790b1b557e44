#ifndef CSTEPWISE_MEMORY_H
#define CSTEPWISE_MEMORY_H

/// Asks the C library's allocator (glibc malloc, mallopt(3)) to keep the interactive program's
/// memory compact: one arena for every thread, and blocks of `mmap_threshold` bytes or more
/// (e.g. 131072) mapped on their own and given back to the system when freed, whatever sizes
/// were freed before. Call it before any thread starts. Returns 1 when both were taken, else 0
/// (another C library: nothing changes).
///
/// Why: glibc gives each thread that meets contention an arena of its own (up to 8 per core),
/// and raises the mapping threshold after large blocks are freed. Rows and offers read on a
/// background thread then stay in that thread's arena, beside the free space of their reading,
/// and a freed large buffer leaves a hole in the heap. Measured with the release binary at
/// 100,000 participants (VmHWM after opening the largest record and showing every tab): 63.0 MB
/// with the defaults, 57.6 MB with both settings. `stepwise report` keeps the defaults: its
/// threads allocate at once and a single arena made it about 15% slower.
int sw_keep_memory_compact(int mmap_threshold);

#endif
