import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Clock {
    /// Seconds on `clock` (`CLOCK_MONOTONIC` for the wall, `CLOCK_THREAD_CPUTIME_ID` or
    /// `CLOCK_PROCESS_CPUTIME_ID` for CPU time; clock_gettime(2)).
    static func seconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Milliseconds `body` takes on `clock` (see `seconds(_:)`).
    static func ms(on clock: clockid_t, _ body: () throws -> Void) rethrows -> Double {
        let start = seconds(clock)
        try body()
        return (seconds(clock) - start) * 1000
    }
}
