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
    /// when `participants/` has the stamp the index vouches for (as `loadIfUnchanged`), parsing
    /// only the first body lines and the lines appended after the body; the other body lines
    /// are only counted, by their kind and id. Nil when that is not worth it (an index
    /// shorter than four times what would be parsed) or cannot be shown (no or another
    /// folder stamp, another locale, a damaged line among those parsed, an id that is not
    /// plain); then `loadIfUnchanged()` or `load()` is needed.
    public func loadFirstRows(_ count: Int) -> CaseloadFirstRows? {
        guard let now = folderStamp(), case .success(let bytes) = IndexFile.contents(url.path) else { return nil }
        let locale = store.nameOrder.locale.identifier
        return bytes.withUnsafeBufferPointer { bytes -> CaseloadFirstRows? in
            let lines = IndexFile.lineRanges(bytes)
            guard let first = lines.first, let header = IndexFile.header(bytes, first), header.version == CaseloadIndex.formatVersion,
                header.locale == locale
            else { return nil }
            // Appended lines may each take a row out of the first ones (a later line wins).
            let later = lines.count - 1 - header.body
            let parsedBody = count + max(0, later)
            guard later >= 0, header.body >= 4 * parsedBody else { return nil }

            var head: [IndexRecord] = []
            var skipped: [(kind: UInt8, id: Range<Int>)] = []
            var tail: [IndexRecord] = []
            var folder: FileStamp?
            var number = 0
            for range in lines.dropFirst() {
                if let stamp = IndexFile.folderStamp(bytes, range) {
                    folder = stamp
                    continue
                }
                defer { number += 1 }
                if number < parsedBody || number >= header.body {
                    guard let record = IndexFile.record(bytes, range) else { return nil }
                    if number < header.body { head.append(record) } else { tail.append(record) }
                } else {
                    guard let peeked = Self.peek(bytes, range) else { return nil }
                    skipped.append(peeked)
                }
            }
            guard folder == now.stamp else { return nil }

            var latest: [String: IndexRecord] = [:]
            for record in tail { latest[record.id] = record }
            var people = 0
            var unreadable = 0
            for record in head where latest[record.id] == nil {
                if case .entry = record.value { people += 1 } else { unreadable += 1 }
            }
            for line in skipped {
                // Ids are made into strings only when appended lines may replace theirs.
                if !latest.isEmpty, latest[String(decoding: UnsafeBufferPointer(rebasing: bytes[line.id]), as: UTF8.self)] != nil {
                    continue
                }
                if line.kind == UInt8(ascii: "p") { people += 1 } else { unreadable += 1 }
            }
            var inserted: [CaseloadEntry] = []
            for record in latest.values {
                if case .entry(let entry) = record.value {
                    people += 1
                    inserted.append(entry)
                } else {
                    unreadable += 1
                }
            }
            guard people >= count else { return nil }
            var entries: [CaseloadEntry] = head.compactMap { record in
                guard latest[record.id] == nil, case .entry(let entry) = record.value else { return nil }
                return entry
            }
            entries += inserted
            entries.sort { CaseloadEntry.ordered($0, $1, in: store.nameOrder) }
            return CaseloadFirstRows(
                rows: entries.prefix(count).map(CaseloadRow.participant), size: CaseloadSize(participants: people, unreadable: unreadable))
        }
    }

    /// The kind byte and where the id is in an index line `["p","<id>",…` or `["u","<id>",…`, read
    /// without checking the line (the full read right after the first frame does); nil for
    /// any other shape or an id with an escape.
    private static func peek(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (kind: UInt8, id: Range<Int>)? {
        let start = range.lowerBound
        guard range.count > 8, bytes[start] == UInt8(ascii: "["), bytes[start + 1] == UInt8(ascii: "\""),
            bytes[start + 3] == UInt8(ascii: "\""), bytes[start + 4] == UInt8(ascii: ","), bytes[start + 5] == UInt8(ascii: "\"")
        else { return nil }
        let kind = bytes[start + 2]
        guard kind == UInt8(ascii: "p") || kind == UInt8(ascii: "u") else { return nil }
        var end = start + 6
        while end < range.upperBound && bytes[end] != UInt8(ascii: "\"") {
            if bytes[end] == UInt8(ascii: "\\") { return nil }
            end += 1
        }
        guard end < range.upperBound else { return nil }
        return (kind, (start + 6)..<end)
    }
}
