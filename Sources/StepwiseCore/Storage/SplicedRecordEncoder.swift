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
/// encoded from, padding aside (every string and list of it the very same storage): values
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
        let known = cache.columns(of: participant.id)
        var columns: [String: AnyObject] = [:]
        var lists: [(path: [String], pieces: [Data])] = []
        var rest = participant
        var encoded = 0
        var reused = 0
        func take<Element: Encodable>(_ keyPath: WritableKeyPath<Participant, [Element]>, _ path: String...) throws {
            let elements = participant[keyPath: keyPath]
            guard !elements.isEmpty else { return }
            let name = path.joined(separator: ".")
            let column = try Column(elements, depth: path.count + 1, reusing: known[name] as? Column<Element>)
            columns[name] = column
            encoded += column.encoded
            reused += elements.count - column.encoded
            lists.append((path, column.pieces))
            rest[keyPath: keyPath] = []
        }
        // The names are the coding keys of `Participant` and `Plan`.
        try take(\.conversations, "conversations")
        try take(\.journal, "journal")
        try take(\.sessions, "sessions")
        try take(\.notes, "notes")
        try take(\.ratings, "ratings")
        try take(\.milestones, "milestones")
        try take(\.contacts, "contacts")
        try take(\.plan.goals, "plan", "goals")
        try take(\.jobSearch.applications, "jobSearch", "applications")
        let head = try RecordCodec.encode(rest)
        guard let spliced = splice(lists, into: head) else {
            // Not the layout described above: the whole record the slow way.
            return try RecordCodec.encode(participant)
        }
        cache.keep(columns, of: participant.id, encoded: encoded, reused: reused)
        return spliced
    }

    /// Encodes `participant`'s lists in the background, so that the first save of a record
    /// just opened costs its change only (`ParticipantJournal.read` calls this).
    public static func prepare(_ participant: Participant) {
        DispatchQueue.global(qos: .utility).async { _ = try? encode(participant) }
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

    /// The bytes of `value` as it stands in memory, its padding zero: values with the same
    /// bits have every string, list and nested value in the very same storage, so they are
    /// equal and encode to the same bytes. Values that only compare equal (a text in another
    /// Unicode normalization form) differ.
    static func bits<T>(_ value: T) -> [UInt8] {
        let size = MemoryLayout<T>.size
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(1, size), alignment: MemoryLayout<T>.alignment)
        defer { memory.deallocate() }
        let typed = memory.initializeMemory(as: T.self, to: value)
        defer { typed.deinitialize(count: 1) }
        var bytes = [UInt8](UnsafeRawBufferPointer(start: memory, count: size))
        for offset in Padding.offsets(of: value) { bytes[offset] = 0 }
        return bytes
    }

    /// Where a type's values have padding: bytes between fields, which a copy may fill with
    /// anything. Swift lays a struct's stored properties out in declaration order, each at its
    /// alignment (Swift ABI, TypeLayout.rst), and `Mirror` lists them in that order; a value
    /// inside an optional starts at its first byte. Enums, classes and types with a custom
    /// mirror count as all fields (no padding is assumed where it is not known).
    enum Padding {
        private static let lock = NSLock()
        nonisolated(unsafe) private static var known: [ObjectIdentifier: [Int]] = [:]

        /// The padding offsets of `value`'s type, worked out from `value` the first time.
        static func offsets<T>(of value: T) -> [Int] {
            let key = ObjectIdentifier(T.self)
            if let offsets = lock.withLock({ known[key] }) { return offsets }
            let offsets = layout(value).padding
            lock.withLock { known[key] = offsets }
            return offsets
        }

        /// Size and padding offsets of `value`'s type.
        private static func layout<T>(_ value: T) -> (size: Int, padding: [Int]) {
            let size = MemoryLayout<T>.size
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional, let some = mirror.children.first {
                return (size, inner(some.value).padding)
            }
            guard mirror.displayStyle == .struct, !(value is CustomReflectable) else { return (size, []) }
            var padding: [Int] = []
            var offset = 0
            for child in mirror.children {
                let field = inner(child.value)
                let start = (offset + field.alignment - 1) / field.alignment * field.alignment
                padding += Array(offset..<start) + field.padding.map { start + $0 }
                offset = start + field.size
            }
            // Fields that do not add up to the size: the layout is not the one assumed.
            return offset == size ? (size, padding) : (size, [])
        }

        /// The layout of a field's value, seen through its own type.
        private static func inner<T>(_ value: T) -> (size: Int, alignment: Int, padding: [Int]) {
            let (size, padding) = layout(value)
            return (size, MemoryLayout<T>.alignment, padding)
        }
    }

    /// The elements of one list as last encoded, each with its bytes indented for its place.
    final class Column<Element: Encodable> {
        /// The elements, kept so that their storage stays theirs while their bits are known.
        let values: [Element]
        /// Each element's `bits`.
        let bits: [[UInt8]]
        let pieces: [Data]
        /// How many of the elements were encoded (the others were reused).
        let encoded: Int

        /// The pieces of `elements` standing `depth` levels deep (2 for the elements of a list
        /// of the record itself); each element with the bits of one of `reusing` (taken in
        /// order: one element added, removed or changed at a time is followed) keeps its
        /// bytes, the others are encoded.
        init(_ elements: [Element], depth: Int, reusing old: Column<Element>?) throws {
            let oldBits = old?.bits ?? []
            let oldPieces = old?.pieces ?? []
            let bits = elements.map(SplicedRecordEncoder.bits)
            var pieces: [Data] = []
            pieces.reserveCapacity(elements.count)
            var next = 0
            var encoded = 0
            for (index, element) in elements.enumerated() {
                if next < oldBits.count, oldBits[next] == bits[index] {
                    pieces.append(oldPieces[next])
                    next += 1
                } else if next + 1 < oldBits.count, oldBits[next + 1] == bits[index] {
                    // The one before was removed.
                    pieces.append(oldPieces[next + 1])
                    next += 2
                } else {
                    pieces.append(indented(try RecordCodec.encoder().encode(element), by: 2 * depth))
                    encoded += 1
                    // A changed element takes the old one's place; an added one does not.
                    let added = next < oldBits.count && index + 1 < elements.count && oldBits[next] == bits[index + 1]
                    if !added { next += 1 }
                }
            }
            values = elements
            self.bits = bits
            self.pieces = pieces
            self.encoded = encoded
        }
    }

    static let cache = Cache(capacity: 4)

    /// The columns of the few participants last encoded (the records open at this terminal
    /// and those written by bookings), by participant id.
    final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private let capacity: Int
        private var records: [String: [String: AnyObject]] = [:]
        private var counts: [String: (encoded: Int, reused: Int)] = [:]
        private var gates: [String: NSLock] = [:]

        /// Runs `body` while no other thread encodes participant `id`.
        func exclusively<T>(_ id: String, _ body: () throws -> T) rethrows -> T {
            let gate = lock.withLock {
                // Forgetting the gates of many records at most lets two encodings run at once.
                if gates[id] == nil, gates.count >= 64 { gates.removeAll() }
                let gate = gates[id] ?? NSLock()
                gates[id] = gate
                return gate
            }
            return try gate.withLock(body)
        }

        init(capacity: Int) { self.capacity = capacity }

        func columns(of id: String) -> [String: AnyObject] { lock.withLock { records[id] ?? [:] } }

        /// Keeps the columns of participant `id` and counts what encoding them took.
        func keep(_ columns: [String: AnyObject], of id: String, encoded: Int, reused: Int) {
            lock.withLock {
                if records[id] == nil, records.count >= capacity { records.removeAll() }
                records[id] = columns
                let before = counts[id] ?? (0, 0)
                counts[id] = (before.encoded + encoded, before.reused + reused)
            }
        }

        func counts(of id: String) -> (encoded: Int, reused: Int) { lock.withLock { counts[id] ?? (0, 0) } }
    }
}
