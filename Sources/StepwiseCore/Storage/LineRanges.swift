import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The lines of a file of one record per line (the caseload index, a plan history), found
/// with `memchr`: a megabyte of lines is split in well under a millisecond, where
/// `Data.split(separator:)` takes tens of milliseconds.
enum LineRanges {
    /// The ranges of the non-empty lines of `bytes` (without their line feeds), in order.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        guard let base = bytes.baseAddress else { return lines }
        var start = 0
        while start < bytes.count {
            let end = memchr(base + start, 0x0A, bytes.count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
                ?? bytes.count
            if end > start { lines.append(start..<end) }
            start = end + 1
        }
        return lines
    }

    /// The ranges of the non-empty lines of `data`, as indices of `data`.
    static func of(_ data: Data) -> [Range<Data.Index>] {
        let start = data.startIndex
        return data.withUnsafeBytes { raw in of(raw.assumingMemoryBound(to: UInt8.self)) }
            .map { (start + $0.lowerBound)..<(start + $0.upperBound) }
    }
}
