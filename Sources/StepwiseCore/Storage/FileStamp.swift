import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file's identity and version as `stat` gives it: any change of content changes one of
/// these (a write changes the modification and change times; a restored or replaced file
/// also changes the inode; `touch -d` cannot set the change time back).
struct FileStamp: Equatable, Sendable {
    var size: Int64
    /// Modification time, nanoseconds since 1970.
    var modified: Int64
    /// Status change time, nanoseconds since 1970.
    var changed: Int64
    var inode: Int64

    init(size: Int64, modified: Int64, changed: Int64, inode: Int64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = Int64(bitPattern: UInt64(info.st_ino))
    }

    /// The stamp of the file at `path` (following links unless `followingLinks` is false), or
    /// nil when it cannot be stat'ed.
    init?(path: String, followingLinks: Bool = true) {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        self.init(info)
    }
}
