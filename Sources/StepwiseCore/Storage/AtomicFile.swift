import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Durable, atomic file writes that keep citizen data private (0600 files, 0700 folders).
public enum AtomicFile {
    /// A write that failed, with the path and the system's reason.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `data` to `url` so that the file always holds either the old or the new
    /// content: a 0600 temp file beside it, fsync, rename, then fsync of the folder.
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent().path
        let temp = directory + "/." + url.lastPathComponent + "." + String(getpid()) + "."
            + RecordID.generate(prefix: "t") + ".tmp"
        let fd = open(temp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(temp) }
        var ok = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        let error = failure(url.path)
        close(fd)
        guard ok, rename(temp, url.path) == 0 else {
            let renameError = ok ? failure(url.path) : error
            unlink(temp)
            throw renameError
        }
        let dirfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    /// Appends `data` to a file (created 0600) in one write, then fsyncs it; for logs that
    /// are only ever added to.
    public static func append(_ data: Data, to url: URL) throws {
        let fd = open(url.path, O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(url.path) }
        defer { close(fd) }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(fd) == 0 else { throw failure(url.path) }
    }

    /// Creates a folder (and its parents) with mode 0700; tightens an existing one.
    public static func makeDirectory(_ url: URL) throws {
        var path = ""
        for component in url.standardizedFileURL.path.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o700) != 0 && errno != EEXIST { throw failure(path) }
        }
        var info = stat()
        if stat(url.path, &info) == 0, info.st_mode & 0o077 != 0 { chmod(url.path, 0o700) }
    }

    private static func failure(_ path: String) -> WriteError {
        WriteError(path: path, reason: String(cString: strerror(errno)))
    }
}
