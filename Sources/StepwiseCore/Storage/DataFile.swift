import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reading a file of the data folder without trusting what is there: a symbolic link is not
/// followed (`O_NOFOLLOW`), a FIFO or device never blocks the program (`O_NONBLOCK`, then
/// `fstat` checks that it is a regular file before anything is read), and a file larger than
/// the limit for its kind is refused before it is read.
public enum DataFile {
    /// Why a file of the data folder is not read.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let path: String
        /// Why, in English and as a string-table key.
        public let why: ProblemReason
        /// The file's size in bytes when it was refused for being over the limit.
        public var size: Int?
        /// Why, in English.
        public var reason: String { why.english }
        public var description: String { "\(path): \(reason)" }

        init(path: String, reason: ProblemReason, size: Int? = nil) {
            self.path = path
            self.why = reason
            self.size = size
        }
    }

    /// The whole content of `url`, or nil when there is no such file. Throws `Problem` for a
    /// symbolic link, a FIFO, folder or device, a file over `limit` bytes, or a read error.
    public static func read(_ url: URL, limit: Int) throws -> Data? {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            if code == ELOOP {
                throw Problem(path: url.path, reason: ProblemReason("is a symbolic link; Stepwise does not follow links in its data folder", key: "problem.symlink"))
            }
            throw Problem(path: url.path, reason: code == EACCES ? .unreadable : .untranslated(String(cString: strerror(code))))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Problem(path: url.path, reason: .untranslated(String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw Problem(path: url.path, reason: .notAFile(info.st_mode))
        }
        let size = Int(info.st_size)
        guard size <= limit else {
            let (mb, limitMB) = (String(size / 1_000_000), String(limit / 1_000_000))
            throw Problem(
                path: url.path, reason: ProblemReason("is \(mb) MB; at most \(limitMB) MB is read", key: "problem.fileTooLarge", ["size": mb, "limit": limitMB]),
                size: size)
        }
        var bytes = Data(count: size)
        var filled = 0
        let failure = bytes.withUnsafeMutableBytes { buffer -> Int32? in
            while filled < size {
                let count = Glibc.read(fd, buffer.baseAddress.map { $0 + filled }, size - filled)
                if count < 0 && errno == EINTR { continue }
                if count < 0 { return errno }
                if count == 0 { break }
                filled += count
            }
            return nil
        }
        if let failure { throw Problem(path: url.path, reason: .untranslated(String(cString: strerror(failure)))) }
        return bytes.prefix(filled)
    }
}
