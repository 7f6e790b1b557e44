import Foundation

/// Values read from files, each remembered with the stamp its file had before it was read
/// (size, times, inode): while the file keeps that stamp, the value is the one on disk and
/// the file need not be read and decoded again. Every writer in Stepwise renames a new file
/// into place, which changes the inode; a write by another program, in place, of the same
/// size, in the same clock tick as the stamp was taken, is the one change a stamp cannot
/// show. Keys are absolute paths; safe to use from several threads.
final class StampedCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var entries: [String: (stamp: FileStamp, value: Value)] = [:]
    /// How many times `value(at:reading:)` had to read a file (for tests and the bench).
    private(set) var reads = 0

    /// A cache of at most `capacity` files (emptied when it would grow beyond that).
    init(capacity: Int) { self.capacity = capacity }

    /// The value remembered for the file at `path` if its stamp is still the one remembered.
    func value(_ path: String) -> Value? {
        guard let stamp = FileStamp(path: path, followingLinks: false) else { return nil }
        return lock.withLock { entries[path].flatMap { $0.stamp == stamp ? $0.value : nil } }
    }

    /// Remembers `value` for the file at `path` with `stamp` (its stamp now when not given:
    /// take the stamp before reading, so that a change during the read is seen next time).
    func note(_ path: String, stamp: FileStamp? = nil, value: Value) {
        guard let stamp = stamp ?? FileStamp(path: path, followingLinks: false) else { return }
        lock.withLock {
            if entries[path] == nil && entries.count >= capacity { entries.removeAll() }
            entries[path] = (stamp, value)
        }
    }

    /// The value of the file at `path`: the remembered one while the file keeps its stamp,
    /// else what `read` gives (then remembered with the stamp taken before reading). Errors
    /// from `read` are rethrown and nothing is remembered.
    func value(at path: String, reading read: () throws -> Value) rethrows -> Value {
        let stamp = FileStamp(path: path, followingLinks: false)
        if let stamp, let known = lock.withLock({ entries[path].flatMap { $0.stamp == stamp ? $0.value : nil } }) {
            return known
        }
        let value = try read()
        lock.withLock { reads += 1 }
        if let stamp { note(path, stamp: stamp, value: value) }
        return value
    }
}
