import Foundation

/// Changes to the job board made safely when several coaches keep it at once: each change
/// takes the exclusive lock of every job it touches (`locks/job-<id>.lock`, in id order so
/// that two changes cannot wait for each other), re-reads the jobs under the locks, applies
/// the rule, writes every new file before any is put in place, and checks that each lock is
/// still ours just before the renames (`LockedRecords`, as for offers). A write that fails
/// (a full disk, a read-only folder) leaves every job as it was.
public struct JobBoard: Sendable {
    /// Why a change was not made.
    public enum Failure: LockedRecordFailure, Equatable, Sendable, CustomStringConvertible {
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
        let jobs = LockedRecords<BoardJob, Failure>(store: store, identity: identity, lockTimeout: lockTimeout, clock: clock)
        return try jobs.change(ids, record: { $0 }, rule) { changed, _ in changed }
    }

    /// The lock file of a job.
    public static func lockPath(_ id: String, in store: DataStore) -> String {
        store.locksDir.appendingPathComponent("job-" + id + ".lock").path
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

extension BoardJob: LockedRecord {
    static var noun: String { "job" }

    static func lockPath(_ id: String, in store: DataStore) -> String { JobBoard.lockPath(id, in: store) }

    static func load(_ id: String, from store: DataStore) throws -> BoardJob { try store.loadJob(id) }

    func stage(in store: DataStore) throws -> AtomicFile.Staged { try store.stage(self) }
}
