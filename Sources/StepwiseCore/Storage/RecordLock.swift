import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A lock on one record so that only one terminal edits it at a time. It is a file created
/// with `O_CREAT|O_EXCL` (which also works on network file systems) that names its holder.
public final class RecordLock: Sendable {
    /// Who holds a lock and since when.
    public struct Holder: Codable, Equatable, Sendable {
        public var identity: Identity
        public var since: Date
    }

    /// The result of trying to take a lock.
    public enum Outcome: Sendable {
        case acquired(RecordLock)
        case heldBy(Holder)
    }

    /// The lock file.
    public let path: String
    /// This process's claim.
    public let holder: Holder

    private init(path: String, holder: Holder) {
        self.path = path
        self.holder = holder
    }

    /// Takes the lock at `path`, or reports who has it. A lock left by a process that no
    /// longer runs on this machine is taken over. Throws `AtomicFile.WriteError` when the
    /// lock cannot be created or written (a full disk, a read-only folder); no lock file is
    /// then left behind.
    public static func acquire(path: String, as identity: Identity, now: Date = Date()) throws -> Outcome {
        let holder = Holder(identity: identity, since: now)
        let data = try RecordCodec.encode(holder)
        for _ in 0..<3 {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                // A lock that cannot be written is not held: it is removed and the error says why.
                try ExclusiveLock.writeClaim(data, to: fd, path: path)
                return .acquired(RecordLock(path: path, holder: holder))
            }
            guard errno == EEXIST else { throw AtomicFile.WriteError(path: path, code: errno) }
            let seen = (try? DataFile.read(URL(fileURLWithPath: path), limit: ExclusiveLock.maxLockBytes)) ?? Data()
            guard let existing = read(path) else {
                // Being written right now, or left half-written by a crash: old ones are stale.
                if let age = ExclusiveLock.age(of: path), age > 10, ExclusiveLock.remove(path, ifStill: seen) { continue }
                return .heldBy(Holder(identity: Identity(coach: "?", user: "?", host: "?", pid: 0), since: now))
            }
            if isStale(existing, on: identity.host) || existing.identity == identity {
                // Taken over only if it still holds what was judged stale (another terminal
                // may be taking it over at the same moment).
                _ = ExclusiveLock.remove(path, ifStill: seen)
                continue
            }
            return .heldBy(existing)
        }
        throw AtomicFile.WriteError(path: path, reason: "the lock keeps changing; try again")
    }

    /// The holder recorded in a lock file, if it can be read.
    public static func read(_ path: String) -> Holder? {
        guard let data = try? DataFile.read(URL(fileURLWithPath: path), limit: ExclusiveLock.maxLockBytes) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Holder.self, from: data)
    }

    /// Gives the lock back, if it is still ours.
    public func release() {
        if RecordLock.read(path)?.identity == holder.identity { unlink(path) }
    }

    private static func isStale(_ holder: Holder, on host: String) -> Bool {
        guard holder.identity.host == host else { return false }
        return kill(holder.identity.pid, 0) != 0 && errno == ESRCH
    }
}
