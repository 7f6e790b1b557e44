import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Walking the data folder without following symbolic links planted inside it.
enum DataFolder {
    /// The names in the folder `dir`, sorted, without `.` and `..`; empty when `dir` is not a
    /// folder or cannot be read. A `dir` that is a symbolic link is not listed unless
    /// `followLink` is set (only for the data folder itself, which may be given as a link).
    static func names(in dir: URL, followLink: Bool = false) -> [String] {
        let fd = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followLink ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return [] }
        guard let stream = fdopendir(fd) else {
            close(fd)
            return []
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
