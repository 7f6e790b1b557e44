import Foundation

/// A record kept one per file in the data folder and changed only under its own exclusive
/// lock (offers, board jobs): see `LockedRecords`.
protocol LockedRecord: Equatable {
    var id: String { get }
    /// What the record is called in a failure's reason ("offer", "job").
    static var noun: String { get }
    /// The lock file of the record of `id`.
    static func lockPath(_ id: String, in store: DataStore) -> String
    /// Reads the record of `id`; throws `RecordProblem` (kind `.missing` when there is none).
    static func load(_ id: String, from store: DataStore) throws -> Self
    /// Writes the record to a temp file beside its file, to be put in place by `commit()`.
    func stage(in store: DataStore) throws -> AtomicFile.Staged
}

/// The failures a change under `LockedRecords` can meet, as each store names them (the
/// cases of its own `Failure` enum serve).
protocol LockedRecordFailure: Error {
    /// A record stayed locked by someone else for too long (the lock's holder in words).
    static func busy(_ reason: String) -> Self
    /// The data folder could not be written; nothing was changed.
    static func writeFailed(_ reason: String) -> Self
    /// A record's file exists but cannot be read.
    static func unreadable(_ problem: RecordProblem) -> Self
}

/// Changes to records of one kind made safely when several terminals and scripts change them
/// at once: every record's lock is taken (in id order, so that two changes cannot wait for
/// each other), each record is read under its lock, and the new files are all written before
/// any is put in place, so that a write that fails (a full disk, a read-only folder) leaves
/// every record as it was. Each lock is checked to be still ours just before the renames (a
/// process that stalled may have lost it as stale): if one was taken over, nothing is put in
/// place and the whole change is made again from fresh reads, up to `attempts` times.
struct LockedRecords<Record: LockedRecord, Failure: LockedRecordFailure> {
    let store: DataStore
    let identity: Identity
    /// How long to wait for each lock, in seconds.
    let lockTimeout: TimeInterval
    /// The clock; read only while the locks are held, so times follow the order of changes.
    let clock: @Sendable () -> Date

    /// How often a change is made in all when its lock was taken over meanwhile.
    static var attempts: Int { 3 }

    /// Applies `rule` to the records of `ids` as one change. `rule` gets each id, the record
    /// as on disk (nil when new) and the time, and returns the change, whose record (`record`)
    /// is written when it differs from the one on disk. `written` gets the changes, in the
    /// order of `ids`, and the time, after the renames and while the locks are still held.
    /// Throws `Failure`, or what `rule` throws (and then writes nothing).
    func change<Change, Output>(
        _ ids: [String], record: (Change) -> Record, _ rule: (String, Record?, Date) throws -> Change,
        written: ([Change], Date) -> Output
    ) throws -> Output {
        do {
            try AtomicFile.makeDirectory(store.locksDir)
        } catch {
            throw Failure.writeFailed("\(error)")
        }
        var attempt = 1
        while true {
            do {
                return try changeOnce(ids, record: record, rule, written: written)
            } catch let lost as ExclusiveLock.Lost {
                guard attempt < Self.attempts else { throw Failure.busy(lost.description) }
                attempt += 1
            }
        }
    }

    private func changeOnce<Change, Output>(
        _ ids: [String], record: (Change) -> Record, _ rule: (String, Record?, Date) throws -> Change,
        written: ([Change], Date) -> Output
    ) throws -> Output {
        var locks: [String: ExclusiveLock] = [:]
        defer { locks.values.forEach { $0.release() } }
        for id in Set(ids).sorted() {
            do {
                locks[id] = try ExclusiveLock.acquire(path: Record.lockPath(id, in: store), as: identity, timeout: lockTimeout)
            } catch let busy as ExclusiveLock.Busy {
                throw Failure.busy(busy.description)
            } catch {
                throw Failure.writeFailed("\(error)")
            }
        }
        let now = clock()
        var changes: [(change: Change, current: Record?)] = []
        for id in ids {
            let current = try read(id)
            let change = try rule(id, current, now)
            guard record(change).id == id else { throw Failure.writeFailed("the changed \(Record.noun) has another id") }
            changes.append((change, current))
        }
        // Everything is written before anything is put in place.
        var staged: [(AtomicFile.Staged, ExclusiveLock?)] = []
        defer { staged.forEach { $0.0.discard() } }
        do {
            for (change, current) in changes where record(change) != current {
                staged.append((try record(change).stage(in: store), locks[record(change).id]))
            }
            for item in staged { try item.1?.verify() }
            for (file, lock) in staged { try file.commit(fence: lock) }
        } catch let lost as ExclusiveLock.Lost {
            throw lost
        } catch {
            throw Failure.writeFailed("\(error)")
        }
        return written(changes.map(\.change), now)
    }

    private func read(_ id: String) throws -> Record? {
        do {
            return try Record.load(id, from: store)
        } catch let problem as RecordProblem {
            if problem.kind == .missing { return nil }
            throw Failure.unreadable(problem)
        }
    }
}
