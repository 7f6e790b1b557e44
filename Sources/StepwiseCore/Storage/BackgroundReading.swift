import Foundation

/// A value read on another thread and kept with the stamp it was read at (the stamps of the
/// folders it was read from, say), so that a screen asks for it with one `stat` and never
/// waits for the reading itself: `request(at:)` gives the value kept and starts a reading
/// when the stamp changed, `take(wait:)` gives a reading once it finished.
/// Readings may overlap (a folder changed again while one ran): only the last one started is
/// kept when it finishes, so an older one finishing later never brings back a value of before
/// a change. A reading of a stamp already being read is not started again.
/// Safe to use from several threads. Used for the offer catalogue (`OfferCatalogue`) and the
/// placement counts (`PlacementTally`).
public final class BackgroundReading<Stamp: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let read: @Sendable () -> Value
    private let condition = NSCondition()
    private var kept: (stamp: Stamp, value: Value)?
    /// The stamp of the reading running on another thread, if one runs.
    private var running: Running?
    private struct Running: Equatable { var stamp: Stamp }
    /// How many readings were started; the number of the last one is the one kept.
    private var started = 0
    /// A reading on another thread finished and not taken yet.
    private var finished: Value?
    private var readings = 0
    private var held: @Sendable () -> Void = {}

    /// Reads with `read` (on another thread, called once per reading).
    public init(read: @escaping @Sendable () -> Value) { self.read = read }

    /// How many readings finished (for tests and the bench).
    public var count: Int { condition.withLock { readings } }

    /// Runs on the reading thread before a reading begins (a test holds the reading back with
    /// it, to show that no key waits for it).
    public var gate: @Sendable () -> Void {
        get { condition.withLock { held } }
        set { condition.withLock { held = newValue } }
    }

    /// The value as last read and whether it was read at `stamp` (`current`), or nil when
    /// none was read yet. When it was not read at `stamp`, a reading is started on another
    /// thread (unless one for `stamp` runs already), to be given by `take(wait:)`. Take the
    /// stamp before asking, so that a change during the reading is seen at the next request.
    public func request(at stamp: Stamp) -> (value: Value, current: Bool)? {
        condition.lock()
        defer { condition.unlock() }
        if let kept, kept.stamp == stamp { return (kept.value, true) }
        let reading = Running(stamp: stamp)
        if running != reading {
            running = reading
            started += 1
            let (read, gate, number) = (self.read, held, started)
            Thread.detachNewThread { [self] in
                gate()
                finish(read(), at: stamp, number: number)
            }
        }
        return kept.map { ($0.value, false) }
    }

    /// True once a reading finished (whether or not it was taken).
    public var hasRead: Bool { condition.withLock { kept != nil } }

    /// True while a reading started by `request(at:)` runs or waits to be taken.
    public var isReading: Bool { condition.withLock { running != nil || finished != nil } }

    /// The value read on another thread since it was last taken, or nil; with `wait`, waits
    /// for a reading still running.
    public func take(wait: Bool) -> Value? {
        condition.lock()
        defer {
            finished = nil
            condition.unlock()
        }
        while wait && finished == nil && running != nil { condition.wait() }
        return finished
    }

    private func finish(_ value: Value, at stamp: Stamp, number: Int) {
        condition.lock()
        readings += 1
        if number == started {
            kept = (stamp, value)
            running = nil
            finished = value
        }
        condition.broadcast()
        condition.unlock()
    }
}
