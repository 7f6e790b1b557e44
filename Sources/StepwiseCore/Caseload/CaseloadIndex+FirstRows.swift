import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The first screen of a large caseload from the first lines of the index, so that the first
/// frame does not wait for the whole index to be parsed (at 100,000 participants that is
/// 15 MB); the rest is read right after the first frame (`loadIfUnchanged`).
public struct CaseloadFirstRows: Equatable, Sendable {
    /// The first rows in caseload order, exactly as `loadIfUnchanged()` would begin.
    public var rows: [CaseloadRow]
    /// The size of the whole caseload.
    public var size: CaseloadSize
}

/// How many rows a caseload has.
public struct CaseloadSize: Equatable, Sendable {
    /// Participant files that can be read.
    public var participants: Int
    /// Files that cannot be read.
    public var unreadable: Int

    public init(participants: Int, unreadable: Int) {
        self.participants = participants
        self.unreadable = unreadable
    }
}

extension CaseloadIndex {
    /// The first `count` rows of the caseload and the caseload's size, from the index alone
    /// when `participants/` has the stamp the index vouches for (as `loadIfUnchanged`). Reads
    /// only the head of the index (the header, the folder line and the first body lines, which
    /// are in caseload order) and the lines appended after the body (found from the body's
    /// length in the header); the size is the one the last folder line keeps. So it costs the
    /// same at any size. Nil when that is not worth it (an index shorter than four times what
    /// would be parsed, or more than `tailLimit` bytes appended) or cannot be shown (no or
    /// another folder stamp, another locale, a header or folder line without the lengths, a
    /// damaged line among those read); then `loadIfUnchanged()` or `load()` is needed.
    ///
    /// With `anyFolder`, the rows are given even when `participants/` has another stamp than the
    /// one the index vouches for (files were renamed in, or a backup was restored): they are then
    /// only what the index last knew, to be shown at once and checked by `load()` right after.
    public func loadFirstRows(_ count: Int, anyFolder: Bool = false) -> CaseloadFirstRows? {
        guard let now = folderStamp() else { return nil }
        let locale = store.nameOrder.locale.identifier
        let read = IndexFile.opened(url.path) { fd, size in
            firstRows(count, fd: fd, size: size, locale: locale, folder: anyFolder ? nil : now.stamp)
        }
        guard case .success(let first) = read else { return nil }
        return first
    }

    /// The most bytes of appended lines `loadFirstRows` reads (the index is compacted long before).
    static let tailLimit = 4 << 20

    /// `loadFirstRows` from the open index `fd` of `size` bytes; any folder stamp will do when `now` is nil.
    private func firstRows(_ count: Int, fd: Int32, size: Int, locale: String, folder now: FileStamp?) -> CaseloadFirstRows? {
        var headLength = min(size, 64 << 10)
        guard let head = IndexFile.bytes(fd, at: 0, count: headLength) else { return nil }
        // The header, and the folder line a full write puts right after it.
        let top = head.withUnsafeBufferPointer { bytes -> (header: (body: Int, bodyBytes: Int), bodyStart: Int, folder: (stamp: FileStamp, size: CaseloadSize?)?)? in
            let lines = LineRanges.of(bytes)
            guard let first = lines.first, first.upperBound < bytes.count, let header = IndexFile.header(bytes, first),
                header.version == CaseloadIndex.formatVersion, header.locale == locale, let bodyBytes = header.bodyBytes
            else { return nil }
            guard lines.count > 1, let folder = IndexFile.folder(bytes, lines[1]) else { return ((header.body, bodyBytes), first.upperBound + 1, nil) }
            return ((header.body, bodyBytes), lines[1].upperBound + 1, folder)
        }
        guard let top else { return nil }
        let tailStart = top.bodyStart + top.header.bodyBytes
        guard tailStart <= size, size - tailStart <= Self.tailLimit, let tailBytes = IndexFile.bytes(fd, at: tailStart, count: size - tailStart)
        else { return nil }

        // The appended lines: records (a later line for an id wins) and folder lines (the last counts).
        var folder = top.folder
        var latest: [String: IndexRecord] = [:]
        let tailReadable = tailBytes.withUnsafeBufferPointer { bytes -> Bool in
            for range in LineRanges.of(bytes) {
                if let line = IndexFile.folder(bytes, range) {
                    folder = line
                    continue
                }
                // A record after the last folder line is not in the size it keeps.
                guard let record = IndexFile.record(bytes, range) else { return false }
                latest[record.id] = record
                folder = nil
            }
            return true
        }
        guard tailReadable, let folder, now == nil || folder.stamp == now, let total = folder.size else { return nil }

        // The first body lines, reading more of the head if they do not fit in it.
        let parsedBody = count + latest.count
        guard top.header.body >= 4 * parsedBody else { return nil }
        var body: [IndexRecord]?
        var bytes = head
        while body == nil {
            body = bytes.withUnsafeBufferPointer { bytes -> [IndexRecord]? in
                let lines = LineRanges.of(UnsafeBufferPointer(rebasing: bytes[top.bodyStart...])).prefix(parsedBody)
                guard lines.count == parsedBody, let last = lines.last, top.bodyStart + last.upperBound < bytes.count else { return nil }
                return lines.compactMap { IndexFile.record(UnsafeBufferPointer(rebasing: bytes[top.bodyStart...]), $0) }
            }
            if body != nil { break }
            guard headLength < tailStart, let more = IndexFile.bytes(fd, at: 0, count: min(tailStart, headLength * 4)) else { return nil }
            headLength = more.count
            bytes = more
        }
        guard let body, body.count == parsedBody else { return nil }

        var entries: [CaseloadEntry] = body.compactMap { record in
            guard latest[record.id] == nil, case .entry(let entry) = record.value else { return nil }
            return entry
        }
        for record in latest.values {
            if case .entry(let entry) = record.value { entries.append(entry) }
        }
        guard entries.count >= count, total.participants >= count else { return nil }
        entries.sort { CaseloadEntry.ordered($0, $1, in: store.nameOrder) }
        return CaseloadFirstRows(rows: entries.prefix(count).map(CaseloadRow.participant), size: total)
    }
}
