import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Durable, atomic file writes that keep citizen data private (0600 files, 0700 folders).
///
/// A write that fails leaves nothing behind that could be taken for data: a replaced file
/// keeps its old content and its temp file is removed; an append that does not land whole is
/// cut back to where it began. Errors carry the system's reason for the call that failed
/// (never a stale `errno` from an earlier call).
public enum AtomicFile {
    /// A write that failed, with the path and the system's reason.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        /// The `errno` of the failed call (0 when the reason is not a system error).
        public let code: Int32

        public init(path: String, reason: String, code: Int32 = 0) {
            self.path = path
            self.reason = reason
            self.code = code
        }

        /// A failure of a system call on `path` with error number `code`.
        init(path: String, code: Int32) {
            self.init(path: path, reason: String(cString: strerror(code)), code: code)
        }

        public var description: String { "\(path): \(reason)" }
    }

    /// Content written to a temp file beside its target, fsynced, and not yet in place:
    /// `commit()` renames it over the target, `discard()` removes it. Lets several files be
    /// written first and put in place only when all of them could be written.
    public final class Staged {
        /// Where the content goes.
        public let target: URL
        private let folder: Int32
        private let name: String
        private let temp: String
        private var done = false
        /// Work that goes with this write (`AtomicFile.alongside`), when it is for this target.
        private let alongside: Alongside?

        /// Writes `data` to a new 0600 temp file beside `target` and fsyncs it; throws
        /// `WriteError` (and leaves no temp file) when that fails. The folder is opened once
        /// and everything happens relative to it; unless `folderMayBeLink`, a folder that is a
        /// symbolic link is refused (inside the data folder nothing follows a planted link).
        public convenience init(_ data: Data, for target: URL, folderMayBeLink: Bool = true) throws {
            try self.init(for: target, folderMayBeLink: folderMayBeLink) { write in try write(data) }
        }

        /// Writes what `produce` gives, piece by piece (each `write` call adds one), to a new
        /// 0600 temp file beside `target`, and fsyncs it: a large document is never held whole
        /// in memory. Throws `WriteError` (leaving no temp file) when a write fails, and what
        /// `produce` throws (also leaving none).
        public init(for target: URL, folderMayBeLink: Bool = true, writing produce: ((Data) throws -> Void) throws -> Void) throws {
            self.target = target
            name = target.lastPathComponent
            temp = "." + name + "." + String(getpid()) + "." + RecordID.generate(prefix: "t") + ".tmp"
            alongside = AtomicFile.alongside.flatMap { $0.target == target.path ? $0 : nil }
            folder = try AtomicFile.openFolder(target.deletingLastPathComponent().path, mayBeLink: folderMayBeLink)
            // What must be durable before the rename is written meanwhile, on other threads.
            alongside?.startBeforeRename()
            let fd = openat(folder, temp, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                let code = errno
                close(folder)
                done = true
                throw WriteError(path: target.path, code: code)
            }
            var failure: Int32?
            do {
                try produce { data in
                    failure = AtomicFile.writeAll(fd, data)
                    if let failure { throw WriteError(path: target.path, code: failure) }
                }
            } catch {
                close(fd)
                discard()
                throw error
            }
            if failure == nil { failure = AtomicFile.sync(fd, .tempFile(target.path)) }
            close(fd)
            if let failure {
                discard()
                throw WriteError(path: target.path, code: failure)
            }
        }

        /// Renames the temp file over the target and fsyncs the folder. `fence` is checked
        /// just before the rename (see `ExclusiveLock.verify()`); when it throws, nothing is
        /// put in place and the temp file is removed.
        public func commit(fence: ExclusiveLock? = nil) throws {
            guard !done else { return }
            // Lines that must be on disk before the target can be (an audit line) are waited for.
            alongside?.joinBeforeRename()
            do { try fence?.verify() } catch {
                discard()
                throw error
            }
            // A device, pipe or folder at the target is never replaced by a file (renaming
            // over /dev/null, as root, would break the whole machine).
            var info = stat()
            if fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFLNK {
                discard()
                throw WriteError(path: target.path, reason: "is not a regular file, so it is not replaced")
            }
            do { try AtomicFile.tracer?(.renaming(target.path)) } catch {
                discard()
                throw error
            }
            guard renameat(folder, temp, folder, name) == 0 else {
                let code = errno
                discard()
                throw WriteError(path: target.path, code: code)
            }
            done = true
            // What goes with the change once it is in place (a history line) is written while
            // the folder is fsynced.
            alongside?.startAfterRename()
            _ = AtomicFile.sync(folder, .folder(target.deletingLastPathComponent().path))
            close(folder)
        }

        /// Removes the temp file; the target is left as it was.
        public func discard() {
            guard !done else { return }
            done = true
            unlinkat(folder, temp, 0)
            close(folder)
        }

        deinit { discard() }
    }

    /// Opens a folder to work relative to it; unless `mayBeLink`, a symbolic link is refused.
    static func openFolder(_ path: String, mayBeLink: Bool) throws -> Int32 {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (mayBeLink ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            let code = errno
            var info = stat()
            if !mayBeLink, lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { throw linkRefused(path) }
            throw WriteError(path: path, code: code)
        }
        return fd
    }

    static func linkRefused(_ path: String) -> WriteError {
        WriteError(path: path, reason: "is a symbolic link; Stepwise does not follow links inside its data folder", code: ELOOP)
    }

    /// Writes `data` to `url` so that the file always holds either the old or the new
    /// content: a 0600 temp file beside it, fsync, rename, then fsync of the folder. With a
    /// `fence`, the rename happens only while that lock is still this process's. Inside the
    /// data folder pass `folderMayBeLink: false` (see `Staged`).
    public static func write(_ data: Data, to url: URL, fence: ExclusiveLock? = nil, folderMayBeLink: Bool = true) throws {
        try Staged(data, for: url, folderMayBeLink: folderMayBeLink).commit(fence: fence)
    }

    /// Appends `data` (whole lines) to a 0600 file (created unless `create` is false), then
    /// fsyncs it (unless `sync` is false); for files that are only ever added to. Either all of `data` lands or the file is cut back to its old size (a
    /// full disk leaves no half line). A last line left unfinished by a crash is cut off
    /// first, so that it cannot swallow the new one; the lines before it are kept.
    /// Never follows a symbolic link and never blocks on a FIFO: anything but a regular
    /// file is refused.
    public static func append(_ data: Data, to url: URL, create: Bool = true, sync: Bool = true) throws {
        let folder = try openFolder(url.deletingLastPathComponent().path, mayBeLink: false)
        defer { close(folder) }
        let fd = openat(
            folder, url.lastPathComponent, (create ? O_CREAT : 0) | O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw errno == ELOOP ? linkRefused(url.path) : WriteError(path: url.path, code: errno) }
        defer { close(fd) }
        let start = try cutUnfinishedLine(fd, size: try regularFileSize(fd, path: url.path), path: url.path)
        if let failure = writeAll(fd, data) ?? (sync ? AtomicFile.sync(fd, .appended(url.path)) : nil) {
            // Cut back to where this append began: no half line stays behind.
            _ = ftruncate(fd, start)
            if sync { _ = AtomicFile.sync(fd, .appended(url.path)) }
            throw WriteError(path: url.path, code: failure)
        }
    }

    /// Where the last complete line of an append-only file ends; a last line without its
    /// line break (a crash cut it off) is removed.
    /// `size` is the file's size in bytes.
    private static func cutUnfinishedLine(_ fd: Int32, size: off_t, path: String) throws -> off_t {
        let complete = AppendOnlyFile.completeLength(fd, size: size)
        if complete < size, ftruncate(fd, complete) != 0 { throw WriteError(path: path, code: errno) }
        return complete
    }

    /// The size in bytes of `fd`; throws `WriteError` unless it is a regular file (a FIFO,
    /// device or folder planted in the data folder is never read or written as if it were
    /// data), or when it cannot be looked at.
    private static func regularFileSize(_ fd: Int32, path: String) throws -> off_t {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw WriteError(path: path, code: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw WriteError(path: path, reason: "is not a regular file (\(fileKind(info.st_mode)))")
        }
        return info.st_size
    }

    /// A file type in words: "a symbolic link", "a FIFO", ...
    static func fileKind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a file"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a file"
        }
    }

    /// Writes every byte of `data` to `fd`; nil when it did, else the `errno` of the write
    /// that failed (a short write is retried, so a full disk shows as ENOSPC).
    static func writeAll(_ fd: Int32, _ data: Data) -> Int32? {
        data.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if written == 0 { return EIO }
                offset += written
            }
            return nil
        }
    }

    /// Creates a folder (and its parents) with mode 0700; tightens an existing one. Unless
    /// `mayBeLink` (the data folder itself may be given as a link), a folder that is a
    /// symbolic link is refused, never chmod-ed or written through.
    public static func makeDirectory(_ url: URL, mayBeLink: Bool = false) throws {
        let folder = url.standardizedFileURL.path
        // Most often the folder is there: opened at once, without a mkdir per component.
        var fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (mayBeLink ? 0 : O_NOFOLLOW))
        if fd < 0 {
            var path = ""
            for component in folder.split(separator: "/") {
                path += "/" + component
                if mkdir(path, 0o700) != 0 && errno != EEXIST { throw WriteError(path: path, code: errno) }
            }
            fd = try openFolder(folder, mayBeLink: mayBeLink)
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & 0o077 != 0 { fchmod(fd, 0o700) }
    }
}
