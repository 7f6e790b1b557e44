import Foundation

/// Changes to the job board made safely when several coaches keep it at once: each change
/// takes the exclusive lock of every job it touches (`locks/job-<id>.lock`, in id order so
/// that two changes cannot wait for each other), re-reads the jobs under the locks, applies
/// the rule, writes every new file before any is put in place, and checks that each lock is
/// still ours just before the renames (as `BookingStore` does for offers). A write that fails
/// (a full disk, a read-only folder) leaves every job as it was.
public struct JobBoard: Sendable {
    /// Why a change was not made.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// Not a valid id (ids are never paths).
        case invalidID(String)
        case unknownJob(String)
        /// A job file exists but cannot be read.
        case unreadable(RecordProblem)
        /// A job stayed locked by someone else for too long.
        case busy(String)
        /// The data folder could not be written; nothing was changed.
        case writeFailed(String)

        public var description: String {
            switch self {
            case .invalidID(let id): return "'\(id)' is not a valid job id"
            case .unknownJob(let id): return "unknown job '\(id)'"
            case .unreadable(let problem): return problem.description
            case .busy(let reason): return reason
            case .writeFailed(let reason): return "could not write the job board: \(reason)"
            }
        }
    }

    public let store: DataStore
    public let identity: Identity
    /// How long to wait for a job's lock, in seconds.
    public var lockTimeout: TimeInterval
    /// The clock; read while the locks are held.
    public var clock: @Sendable () -> Date

    public init(
        store: DataStore, identity: Identity, lockTimeout: TimeInterval = 30,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.identity = identity
        self.lockTimeout = lockTimeout
        self.clock = clock
    }

    /// Adds `job` or replaces the job of its id (its first posting stamp is kept).
    @discardableResult
    public func save(_ job: BoardJob) throws -> BoardJob {
        try change(jobs: [job.id]) { _, existing, _ in
            var saved = job
            if let existing { saved.posted = existing.posted }
            return saved
        }[0]
    }

    /// Marks a job filled (as read under its lock).
    @discardableResult
    public func markFilled(_ id: String) throws -> BoardJob {
        try change(jobs: [id]) { _, existing, _ in
            guard var job = existing else { throw Failure.unknownJob(id) }
            job.status = .filled
            return job
        }[0]
    }

    /// Applies `rule` to several jobs as one change: `rule` gets each id, the job as on disk
    /// (nil when new) and the time, and returns the job to write. Throw from `rule` to write
    /// nothing. Results are in the order of `ids`. Throws `Failure`.
    public func change(jobs ids: [String], _ rule: (String, BoardJob?, Date) throws -> BoardJob) throws -> [BoardJob] {
        for id in ids where !RecordID.isValid(id) { throw Failure.invalidID(id) }
        do {
            try AtomicFile.makeDirectory(store.locksDir)
        } catch {
            throw Failure.writeFailed("\(error)")
        }
        var attempt = 1
        while true {
            do {
                return try changeOnce(ids, rule)
            } catch let lost as ExclusiveLock.Lost {
                guard attempt < BookingStore.attempts else { throw Failure.busy(lost.description) }
                attempt += 1
            }
        }
    }

    private func changeOnce(_ ids: [String], _ rule: (String, BoardJob?, Date) throws -> BoardJob) throws -> [BoardJob] {
        var locks: [String: ExclusiveLock] = [:]
        defer { locks.values.forEach { $0.release() } }
        for id in Set(ids).sorted() {
            do {
                locks[id] = try ExclusiveLock.acquire(path: JobBoard.lockPath(id, in: store), as: identity, timeout: lockTimeout)
            } catch let busy as ExclusiveLock.Busy {
                throw Failure.busy(busy.description)
            } catch {
                throw Failure.writeFailed("\(error)")
            }
        }
        let now = clock()
        var changed: [(job: BoardJob, current: BoardJob?)] = []
        for id in ids {
            let current = try read(id)
            let job = try rule(id, current, now)
            guard job.id == id else { throw Failure.writeFailed("the changed job has another id") }
            changed.append((job, current))
        }
        var staged: [(AtomicFile.Staged, ExclusiveLock?)] = []
        defer { staged.forEach { $0.0.discard() } }
        do {
            for (job, current) in changed where job != current { staged.append((try store.stage(job), locks[job.id])) }
            for item in staged { try item.1?.verify() }
            for (file, lock) in staged { try file.commit(fence: lock) }
        } catch let lost as ExclusiveLock.Lost {
            throw lost
        } catch {
            throw Failure.writeFailed("\(error)")
        }
        return changed.map(\.job)
    }

    /// The lock file of a job.
    public static func lockPath(_ id: String, in store: DataStore) -> String {
        store.locksDir.appendingPathComponent("job-" + id + ".lock").path
    }

    private func read(_ id: String) throws -> BoardJob? {
        do {
            return try store.loadJob(id)
        } catch let problem as RecordProblem {
            if problem.kind == .missing { return nil }
            throw Failure.unreadable(problem)
        }
    }

    /// How many applications link to each board job, by job id, counted over `participants`.
    /// Only counts: who applied is never part of the board.
    public static func applicationCounts(_ participants: [Participant]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for participant in participants {
            for application in participant.jobSearch.applications {
                if let id = application.boardJobId { counts[id, default: 0] += 1 }
            }
        }
        return counts
    }

    /// The application counts of every readable participant in `store` (see above).
    public static func applicationCounts(in store: DataStore) -> [String: Int] {
        applicationCounts(store.participantIDs().compactMap { try? store.loadParticipant($0) })
    }

    /// The board as shown: jobs in deadline order (soonest first; jobs without a deadline
    /// last), then by title and id.
    public static func sorted(_ jobs: [BoardJob]) -> [BoardJob] {
        jobs.sorted {
            ($0.deadline ?? Day(ordinal: Int.max), $0.title, $0.id) < ($1.deadline ?? Day(ordinal: Int.max), $1.title, $1.id)
        }
    }
}
