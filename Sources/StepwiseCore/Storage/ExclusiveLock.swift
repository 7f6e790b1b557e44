import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A short-lived exclusive lock for one read-modify-write of a file, held for milliseconds
/// (unlike `RecordLock`, which is held for a whole editing session and refused at once).
///
/// The lock is a file created with `O_CREAT|O_EXCL`, which is atomic on local and network
/// file systems alike (flock is not reliable over NFS and SMB). Waiters retry with a growing,
/// jittered pause. A lock left behind is taken over when its process no longer runs on this
/// machine, or when it is older than `staleAfter` (a crash on another machine); the takeover
/// itself happens under a second lock (`<path>.break`) and only if the lock file still holds
/// what was judged stale, so that two waiters can never both break a lock and both hold it.
public final class ExclusiveLock: Sendable {
    /// The lock could not be taken in time.
    public struct Busy: Error, Equatable, CustomStringConvertible {
        public let path: String
        /// Who held it when the wait ended, if that could be read.
        public let holder: Identity?
        public var description: String {
            let who = holder.map { " (held by \($0.coach) on \($0.host), process \($0.pid))" } ?? ""
            return "\(path) stayed locked\(who); try again"
        }
    }

    /// The lock was taken over by someone else while it was held (the holder stalled for
    /// longer than `staleAfter` and was judged gone): nothing was committed under it.
    public struct Lost: Error, Equatable, CustomStringConvertible {
        public let path: String
        public var description: String { "\(path) was taken over by another process while this one waited; nothing was written" }
    }

    /// What a lock file holds.
    struct Claim: Codable, Equatable {
        var identity: Identity
        var since: Date
        /// Tells this holder's lock apart from a later one by the same process.
        var token: String
    }

    /// The lock file.
    public let path: String
    /// The bytes of this holder's claim as written to the lock file: the lock is still this
    /// holder's exactly while the file holds these bytes (its token is generated afresh).
    private let claimBytes: Data

    private init(path: String, claimBytes: Data) {
        self.path = path
        self.claimBytes = claimBytes
    }

    /// Waits until the lock at `path` is taken, for at most `timeout` seconds.
    public static func acquire(
        path: String, as identity: Identity, timeout: TimeInterval = 30,
        staleAfter: TimeInterval = 120
    ) throws -> ExclusiveLock {
        let claim = Claim(identity: identity, since: Date(), token: RecordID.generate(prefix: "k"))
        let data = try RecordCodec.encode(claim)
        let deadline = Date().addingTimeInterval(timeout)
        var pause: UInt32 = 1_000
        var generator = SystemRandomNumberGenerator()
        while true {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                try writeClaim(data, to: fd, path: path)
                return ExclusiveLock(path: path, claimBytes: data)
            }
            guard errno == EEXIST else { throw AtomicFile.WriteError(path: path, code: errno) }
            if breakIfStale(path, as: identity, staleAfter: staleAfter) { continue }
            if Date() >= deadline {
                throw Busy(path: path, holder: read(path)?.identity)
            }
            usleep(pause / 2 + UInt32(generator.next(upperBound: UInt(pause / 2 + 1))))
            pause = min(pause * 2, 50_000)
        }
    }

    /// Writes a lock file's claim whole and closes it; when that fails (a full disk), the
    /// half-written lock file is removed, so that no empty lock stays behind to be taken over
    /// later as "left by a crash", and `WriteError` says why. Used for session locks too.
    ///
    /// The claim is not fsynced: the lock is exclusive by its `O_EXCL` creation, not by its
    /// content reaching the disk, and a claim matters only while its holder runs (after a
    /// crash of the machine every holder is gone, and an empty or stale lock is taken over).
    /// A write the disk cannot hold is refused by `write` (local file systems reserve the
    /// space then) or by `close` (NFS sends the data to the server there), both checked.
    static func writeClaim(_ data: Data, to fd: Int32, path: String) throws {
        var failure = AtomicFile.writeAll(fd, data)
        if close(fd) != 0, failure == nil { failure = errno }
        if let failure {
            unlink(path)
            throw AtomicFile.WriteError(
                path: path, reason: "the lock could not be written: \(String(cString: strerror(failure)))",
                code: failure)
        }
    }

    /// Runs `body` while holding the lock at `path`, and releases it afterwards. `body` gets
    /// the lock to pass as the fence of its commit (`AtomicFile.write(_:to:fence:)`): when
    /// the lock was taken over meanwhile, the commit throws `Lost` and `body` runs again
    /// under a new lock, up to `attempts` times.
    public static func with<T>(
        path: String, as identity: Identity, timeout: TimeInterval = 30, attempts: Int = 3,
        _ body: (ExclusiveLock) throws -> T
    ) throws -> T {
        var attempt = 1
        while true {
            let lock = try acquire(path: path, as: identity, timeout: timeout)
            defer { lock.release() }
            do {
                return try body(lock)
            } catch is Lost where attempt < attempts {
                attempt += 1
            }
        }
    }

    /// Throws `Lost` unless the lock file still holds this process's claim (its token): a
    /// process that stalled (a suspended laptop, a paused machine) may have had its lock
    /// broken as stale, and must then not commit what it prepared. Checked just before the
    /// rename that commits.
    public func verify() throws {
        guard isHeld else { throw Lost(path: path) }
    }

    /// Gives the lock back, if it is still ours.
    public func release() {
        if isHeld { unlink(path) }
    }

    /// True while the lock file holds this holder's claim, byte for byte (no other claim can:
    /// each has its own token), so that checking needs no decoding.
    private var isHeld: Bool {
        (try? DataFile.read(URL(fileURLWithPath: path), limit: ExclusiveLock.maxLockBytes)) == claimBytes
    }

    /// Who holds the lock at `path` as its lock file says (coach, login, host and process), or
    /// nil when there is none or it cannot be read. A holder on another host cannot be checked
    /// to be running: its lock is taken over only once older than `staleAfter`.
    public static func holder(at path: String) -> Identity? { read(path)?.identity }

    static func read(_ path: String) -> Claim? {
        guard let data = try? DataFile.read(URL(fileURLWithPath: path), limit: maxLockBytes) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Claim.self, from: data)
    }

    /// The largest lock file read (a claim is a few hundred bytes).
    static let maxLockBytes = 64_000

    /// Removes the lock at `path` when it was left behind; true when it did.
    private static func breakIfStale(_ path: String, as identity: Identity, staleAfter: TimeInterval) -> Bool {
        guard let seen = try? DataFile.read(URL(fileURLWithPath: path), limit: maxLockBytes),
            isStale(
                seen, path: path, on: identity.host,
                staleAfter: staleAfter)
        else { return false }
        return remove(path, ifStill: seen)
    }

    /// Removes the lock file at `path` if it still holds `seen` (what was judged stale), under
    /// a second lock (`<path>.break`), so that two takers can never both remove it and both
    /// then hold a new one. Used for session locks (`RecordLock`) too.
    static func remove(_ path: String, ifStill seen: Data) -> Bool {
        let breaker = path + ".break"
        let fd = open(breaker, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            // Someone else is breaking it; a breaker left by a crash is removed after a while.
            if errno == EEXIST, let age = age(of: breaker), age > 10 { unlink(breaker) }
            return false
        }
        close(fd)
        defer { unlink(breaker) }
        // Only what was judged stale is removed: a lock taken meanwhile is left alone.
        guard (try? DataFile.read(URL(fileURLWithPath: path), limit: maxLockBytes)) == seen else { return false }
        return unlink(path) == 0
    }

    private static func isStale(_ data: Data, path: String, on host: String, staleAfter: TimeInterval) -> Bool {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let claim = try? decoder.decode(Claim.self, from: data) else {
            // Being written right now, or left half-written by a crash: only old ones are stale.
            return (age(of: path) ?? 0) > 10
        }
        if Date().timeIntervalSince(claim.since) > staleAfter { return true }
        guard claim.identity.host == host else { return false }
        return kill(claim.identity.pid, 0) != 0 && errno == ESRCH
    }

    static func age(of path: String) -> TimeInterval? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Date().timeIntervalSince1970 - (Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }
}
