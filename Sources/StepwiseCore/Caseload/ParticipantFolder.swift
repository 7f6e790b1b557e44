import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Listing the participant folder with the `stat` of each file, without reading any.
enum ParticipantFolder {
    /// The `<id>.json` files of a folder and their stamps, compact: the file names one after
    /// another in one buffer (each ended by a 0 byte, as `fstatat` takes them) and a stamp
    /// each. At 100,000 files that is 5.2 MB, where an array of ids and optional stamps takes
    /// 5.6 MB, and the names listed before them 1.6 MB more.
    struct Listing: Sendable {
        /// The file names, each followed by a 0 byte.
        fileprivate var names: [UInt8] = []
        /// Where each name ends (at its 0 byte).
        fileprivate var ends: [UInt32] = []
        /// The stamp of each file; `noStamp` when it vanished or cannot be stat'ed.
        fileprivate var stamps: [FileStamp] = []

        /// How many files were listed.
        var count: Int { ends.count }

        /// The bytes of the id of file `index` (its name without `.json`).
        func idBytes(_ index: Int) -> ArraySlice<UInt8> {
            names[start(index)..<(Int(ends[index]) - 5)]
        }

        /// The id of file `index`.
        func id(_ index: Int) -> String { String(decoding: idBytes(index), as: UTF8.self) }

        /// The stamp of file `index`, nil when it vanished or cannot be stat'ed.
        func stamp(_ index: Int) -> FileStamp? { stamps[index] == ParticipantFolder.noStamp ? nil : stamps[index] }

        /// Where the name of file `index` begins in `names`.
        fileprivate func start(_ index: Int) -> Int { index == 0 ? 0 : Int(ends[index - 1]) + 1 }
    }

    /// No stamp, in `Listing.stamps` (no file has a negative size).
    fileprivate static let noStamp = FileStamp(size: -1, modified: 0, changed: 0, inode: 0)

    /// The stamp of the folder `path` itself, taken before it is listed, and its `*.json`
    /// files (not hidden), in no particular order. Each name goes from the directory entry
    /// straight into the listing's buffer.
    static func scan(_ path: String) -> (folder: FileStamp?, files: Listing) {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return (nil, Listing()) }
        defer { close(folder) }
        var folderInfo = stat()
        let folderStamp = fstat(folder, &folderInfo) == 0 ? FileStamp(folderInfo) : nil
        var listing = Listing()
        let stream = dup(folder)
        if stream >= 0, let directory = fdopendir(stream) {
            while let item = readdir(directory) {
                // `*.json`, not hidden, judged on the bytes (cheaper than String's Unicode rules).
                withUnsafePointer(to: &item.pointee.d_name) {
                    $0.withMemoryRebound(to: UInt8.self, capacity: 256) { bytes in
                        let length = strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))
                        guard length > 5, bytes[0] != 0x2E, bytes[length - 5] == 0x2E, bytes[length - 4] == 0x6A,
                            bytes[length - 3] == 0x73, bytes[length - 2] == 0x6F, bytes[length - 1] == 0x6E
                        else { return }
                        listing.names.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
                        listing.ends.append(UInt32(listing.names.count))
                        listing.names.append(0)
                    }
                }
            }
            closedir(directory)
        }
        let named = listing
        let one: @Sendable (Int) -> FileStamp = { index in
            var info = stat()
            let found = named.names.withUnsafeBufferPointer { bytes in
                bytes.baseAddress.map { base in
                    fstatat(folder, UnsafeRawPointer(base + named.start(index)).assumingMemoryBound(to: CChar.self), &info, AT_SYMLINK_NOFOLLOW)
                } ?? -1
            }
            return found == 0 ? FileStamp(info) : noStamp
        }
        let files = 0..<listing.count
        listing.stamps = files.count >= 2048 ? Parallel.map(files, one) : files.map(one)
        return (folderStamp, listing)
    }
}

/// Runs a function over a collection on every core, keeping the order.
enum Parallel {
    /// `transform` of every item, in order, computed in chunks on every core.
    static func map<Items: RandomAccessCollection & Sendable, R: Sendable>(
        _ items: Items, _ transform: @Sendable (Items.Element) -> R
    ) -> [R] where Items.Index == Int, Items.Element: Sendable {
        let chunks = max(1, min(items.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        // Written in place, each slot once: no second array of optionals to copy from.
        return [R](unsafeUninitializedCapacity: items.count) { results, count in
            guard let base = results.baseAddress else { return }
            nonisolated(unsafe) let output = base
            let first = items.startIndex
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (items.count * chunk / chunks)..<(items.count * (chunk + 1) / chunks)
                for index in range { (output + index).initialize(to: transform(items[first + index])) }
            }
            count = items.count
        }
    }
}
