import Foundation

/// Encodes a participant to exactly the bytes `RecordCodec.encode` gives, without encoding
/// again the elements of its lists (notes, sessions, ratings, goals …) that did not change
/// since this process last encoded that participant: a one-line change of a record of a
/// megabyte costs the change, not the megabyte.
///
/// Why splicing gives the same bytes: Foundation's pretty printer (`JSONEncoder` with
/// `.prettyPrinted`) indents two spaces a level and breaks lines only between tokens (a line
/// break inside a string is written `\n`); an empty list or object is written with one empty,
/// unindented line inside. An element encoded alone is therefore the element as it stands in
/// its list once every line that is not empty is indented by the list's depth. The record is
/// encoded with these lists emptied (a few kilobytes) and each list's elements are put in place
/// of the empty list. `SplicedRecordEncoderTests` holds the bytes equal to `RecordCodec.encode`
/// for the demo records, the bench's pathological record and randomized records.
///
/// An element's bytes are reused only when it is bitwise the same value as the one they were
/// encoded from (every string and list of it the very same storage), the bytes that do not
/// hold the value aside (padding, a nil optional's payload: see `ValueShape`): values
/// that are `==` but held apart, such as a text in another Unicode normalization form (`==`
/// in Swift, other bytes in the file), are encoded again. The bytes of the last 4 participants
/// encoded are kept (about 1.3 times the size of their files).
public enum SplicedRecordEncoder {
    /// The participant's bytes, as `RecordCodec.encode(participant)` gives them (pretty,
    /// key-sorted UTF-8 JSON ending in a line break). Throws what `JSONEncoder` throws.
    public static func encode(_ participant: Participant) throws -> Data {
        // One encoding of a participant at a time: a save made while the record's lists are
        // still being encoded in the background waits for them and reuses them.
        try cache.exclusively(participant.id) { try spliced(participant) }
    }

    private static func spliced(_ participant: Participant) throws -> Data {
        var known = cache.columns(of: participant.id)
        if known.isEmpty, let read = cache.takeRead(of: participant.id) {
            known = columns(of: read.participant, readFrom: read.bytes) ?? [:]
        }
        var columns: [String: AnyObject] = [:]
        var lists: [(path: [String], pieces: [Data])] = []
        var rest = participant
        var encoded = 0
        var reused = 0
        for list in SplicedRecordEncoder.lists(of: participant) {
            guard let column = try list.column(&rest, known[list.name]) else { continue }
            columns[list.name] = column.object
            encoded += column.encoded
            reused += column.pieces.count - column.encoded
            lists.append((list.path, column.pieces))
        }
        let head = try RecordCodec.encode(rest)
        guard let spliced = splice(lists, into: head) else {
            // Not the layout described above: the whole record the slow way.
            return try RecordCodec.encode(participant)
        }
        cache.keep(columns, of: participant.id, encoded: encoded, reused: reused)
        return spliced
    }

    /// One list of a participant that is spliced in: where it stands, and its column.
    struct List {
        /// Its path of keys from the top (the coding keys of `Participant` and `Plan`).
        let path: [String]
        /// The list's column, its elements encoded unless `known` (a `Column` of the same
        /// element type) has their bits, and the list emptied in `rest`; nil for an empty list.
        let column: (_ rest: inout Participant, _ known: AnyObject?) throws -> (object: AnyObject, pieces: [Data], encoded: Int)?
        /// A column of the list's elements whose pieces are `pieces` (their bytes in a file
        /// just read); nil when there are not as many pieces as elements.
        let seeded: (_ pieces: [Data]) -> AnyObject?
        /// How many elements the list holds.
        let count: Int

        var name: String { path.joined(separator: ".") }
    }

    /// The lists of `participant` that are spliced in, in the order of `Participant`'s keys.
    static func lists(of participant: Participant) -> [List] {
        func list<Element: Encodable>(_ keyPath: WritableKeyPath<Participant, [Element]>, _ path: String...) -> List {
            let elements = participant[keyPath: keyPath]
            return List(
                path: path,
                column: { rest, known in
                    guard !elements.isEmpty else { return nil }
                    rest[keyPath: keyPath] = []
                    // An element of a list stands one level deeper than the list's key.
                    let column = try Column(elements, reusing: known as? Column<Element>) {
                        indented(try RecordCodec.encoder().encode($0), by: 2 * (path.count + 1))
                    }
                    return (column, column.pieces, column.encoded)
                },
                seeded: { pieces in pieces.count == elements.count ? Column(elements, pieces: pieces) : nil },
                count: elements.count)
        }
        return [
            list(\.conversations, "conversations"), list(\.journal, "journal"), list(\.sessions, "sessions"),
            list(\.notes, "notes"), list(\.ratings, "ratings"), list(\.milestones, "milestones"), list(\.contacts, "contacts"),
            list(\.plan.goals, "plan", "goals"), list(\.jobSearch.applications, "jobSearch", "applications"),
        ]
    }

    /// Keeps `participant` and the bytes of the file it was just decoded from, so that the
    /// next save of it takes the bytes of its unchanged list elements from that file instead
    /// of encoding them: a record just opened costs its change only, from the first save on
    /// (`ParticipantJournal.read` calls this). In the background the file is checked to be
    /// what `RecordCodec.encode` writes; when it is not (written by hand or by another
    /// program), those bytes are forgotten and the lists encoded, so that from the next save
    /// on the file is the record's own encoding again.
    ///
    /// A save made before that check ends may keep the bytes of unchanged elements as the
    /// file had them: bytes that decode to those very elements (they were just decoded from
    /// them), taken only from a file of the current schema version in the layout of
    /// `RecordCodec.encode` (see `columns(of:readFrom:)`).
    public static func prepare(_ participant: Participant, readFrom bytes: Data) {
        cache.noteRead(participant, bytes: bytes)
        DispatchQueue.global(qos: .utility).async(group: checks) {
            guard (try? RecordCodec.encode(participant)) != bytes else { return }
            try? cache.exclusively(participant.id) {
                cache.forget(participant.id)
                _ = try spliced(participant)
            }
        }
    }

    /// The checks `prepare` began in the background (each a whole encoding of a record).
    private static let checks = DispatchGroup()

    /// Returns once every check `prepare` began has ended: a person looks at a record just
    /// opened for longer than its check takes (about 10 ms of CPU for a record of a megabyte),
    /// so a bench that saves right after opening waits for it first, lest it time the check.
    public static func waitForChecks() { checks.wait() }

    /// The columns of `participant`, each element's piece its very bytes in `bytes` (the file
    /// it was just decoded from); nil unless the file is of the current schema version and in
    /// the layout `RecordCodec.encode` writes (see the type's description), each non-empty
    /// list standing once at its place, with as many elements as the record's.
    static func columns(of participant: Participant, readFrom bytes: Data) -> [String: AnyObject]? {
        let version = Array("\n  \"schemaVersion\" : \(Participant.currentSchemaVersion),\n".utf8)
        return bytes.withUnsafeBytes { (file: UnsafeRawBufferPointer) -> [String: AnyObject]? in
            let scan = FileScan(file)
            guard file.baseAddress != nil, scan.once(version) != nil else { return nil }
            var columns: [String: AnyObject] = [:]
            for list in lists(of: participant) where list.count > 0 {
                guard let ranges = scan.elements(of: list.path, count: list.count),
                    let column = list.seeded(ranges.map { bytes[bytes.startIndex + $0.lowerBound..<bytes.startIndex + $0.upperBound] })
                else { return nil }
                columns[list.name] = column
            }
            return columns
        }
    }

    /// Finds the lists of a record in the bytes of its file: pretty JSON as `RecordCodec`
    /// writes it, where a line break never stands inside a string (it is written `\n`).
    struct FileScan {
        let file: UnsafeRawBufferPointer

        init(_ file: UnsafeRawBufferPointer) { self.file = file }

        /// Where `marker` first stands at or after `offset`.
        func find(_ marker: [UInt8], from offset: Int) -> Int? {
            guard let base = file.baseAddress, let first = marker.first else { return nil }
            var at = offset
            while at + marker.count <= file.count, let hit = memchr(base + at, Int32(first), file.count - marker.count + 1 - at) {
                let found = UnsafeRawPointer(hit) - base
                if matches(marker, at: found) { return found }
                at = found + 1
            }
            return nil
        }

        /// Where `marker` stands, when it stands exactly once in the file.
        func once(_ marker: [UInt8]) -> Int? {
            guard let found = find(marker, from: 0), find(marker, from: found + 1) == nil else { return nil }
            return found
        }

        /// True when `marker` stands at `offset`.
        func matches(_ marker: [UInt8], at offset: Int) -> Bool {
            guard let base = file.baseAddress, offset + marker.count <= file.count else { return false }
            return memcmp(base + offset, marker, marker.count) == 0
        }

        /// The byte ranges of the `count` elements (objects) of the list at `path` (keys from
        /// the top), each from its indentation to its closing brace; nil unless each key of
        /// the path stands once in the file at its depth, in order, and the list holds exactly
        /// `count` objects laid out as the pretty printer lays them out. Inside an element
        /// every line is indented deeper than its braces, so its closing brace is the first
        /// one at its own indentation.
        func elements(of path: [String], count: Int) -> [Range<Int>]? {
            var from = 0
            for (level, key) in path.enumerated() {
                let opening = level == path.count - 1 ? "[\n" : "{\n"
                let marker = Array(("\n" + String(repeating: " ", count: 2 * level + 2) + "\"" + key + "\" : " + opening).utf8)
                guard let found = once(marker), found >= from else { return nil }
                from = found + marker.count
            }
            let indent = String(repeating: " ", count: 2 * path.count + 2)
            let open = Array((indent + "{").utf8)
            let close = Array(("\n" + indent + "}").utf8)
            let comma = Array(",\n".utf8)
            let end = Array(("\n" + String(repeating: " ", count: 2 * path.count) + "]").utf8)
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(count)
            var at = from
            for index in 0..<count {
                guard matches(open, at: at), let closing = find(close, from: at) else { return nil }
                ranges.append(at..<closing + close.count)
                at = closing + close.count
                if index < count - 1 {
                    guard matches(comma, at: at) else { return nil }
                    at += comma.count
                } else if !matches(end, at: at) {
                    return nil
                }
            }
            return ranges
        }
    }

    /// How many list elements of participant `id` were encoded, and how many reused, since the
    /// process started (for tests and the bench).
    public static func counts(of id: String) -> (encoded: Int, reused: Int) { cache.counts(of: id) }

    /// `head` with each list of `lists` (emptied in `head`, named by its path of keys from the
    /// top) filled with its pieces; nil when an emptied list is not where the layout puts it.
    static func splice(_ lists: [(path: [String], pieces: [Data])], into head: Data) -> Data? {
        var places: [(range: Range<Data.Index>, pieces: [Data], indent: Int)] = []
        for list in lists {
            var from = head.startIndex
            for (level, key) in list.path.enumerated() {
                let isList = level == list.path.count - 1
                let indent = String(repeating: " ", count: 2 * (level + 1))
                let marker = "\n" + indent + "\"" + key + "\" : " + (isList ? "[\n\n" + indent + "]" : "{")
                guard let found = head.range(of: Data(marker.utf8), in: from..<head.endIndex) else { return nil }
                from = found.upperBound
                if isList {
                    // The empty list's inside and its closing bracket: "\n\n" + indent + "]".
                    places.append((found.upperBound - indent.count - 3..<found.upperBound, list.pieces, 2 * (level + 1)))
                }
            }
        }
        places.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out = Data(capacity: head.count + places.reduce(0) { $0 + $1.pieces.reduce(0) { $0 + $1.count + 2 } })
        var at = head.startIndex
        let comma = Data(",\n".utf8)
        for place in places {
            out.append(head[at..<place.range.lowerBound])
            out.append(0x0A)
            for (index, piece) in place.pieces.enumerated() {
                if index > 0 { out.append(comma) }
                out.append(piece)
            }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(UInt8(0x20), count: place.indent))
            out.append(0x5D)
            at = place.range.upperBound
        }
        out.append(head[at..<head.endIndex])
        return out
    }

    /// `data` (pretty JSON) indented by `spaces`: before its first line and after every line
    /// break that does not start an empty line.
    static func indented(_ data: Data, by spaces: Int) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(data.count + data.count / 4)
        out.append(contentsOf: repeatElement(0x20, count: spaces))
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            for index in bytes.indices {
                let byte = bytes[index]
                out.append(byte)
                if byte == 0x0A, index + 1 < bytes.count, bytes[index + 1] != 0x0A {
                    out.append(contentsOf: repeatElement(0x20, count: spaces))
                }
            }
        }
        return Data(out)
    }
}
