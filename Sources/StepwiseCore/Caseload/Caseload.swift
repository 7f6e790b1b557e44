import Foundation

/// The caseload in memory, compact: every participant as one fixed 40-byte row (`Packed`: days
/// as 32-bit day numbers, the next conversation's status as one byte) whose id, name and
/// search key are runs of one shared UTF-8 buffer, then the unreadable files (few). At 100,000
/// participants that is about 7 MB, where an array of `CaseloadRow` takes 11–12 MB (88 bytes a
/// row, and a heap block for each name or search key longer than 15 bytes).
///
/// A search key that is the name with ASCII letters lowercased is not stored: search compares
/// the name's bytes lowercased as it goes (`contains`). A filtered caseload (`filter`) shares
/// the rows and the buffer and keeps only the positions it shows, 4 bytes each.
///
/// A collection of `CaseloadRow` (made from the compact row when read), participants in
/// caseload order, then the unreadable files. Equal when the rows are equal.
public struct Caseload: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    /// One participant: where its strings are in `text`, and what the caseload shows.
    struct Packed: Sendable {
        /// Offset of the id in `text`; the name follows the id, the search key the name.
        var text: UInt32
        var nameLength: UInt32
        /// `asciiLowered` when the key is the name with ASCII letters lowercased (not stored).
        var keyLength: UInt32
        var idLength: UInt16
        var nextStatus: UInt8
        var contactsAgreed: Bool
        var start: Int32
        var nextNumber: Int32
        var nextPlanned: Int32
        var nextChanged: Int32
        var lastContact: Int32
        var due: Int32

        static let asciiLowered = UInt32.max
    }

    /// The participants, in caseload order.
    private var packed: [Packed] = []
    /// The ids, names and stored search keys of `packed`, one after another.
    private var text: [UInt8] = []
    /// Bytes of `text` no row points to any more (rows replaced); compacted once they are half.
    private var unused = 0
    /// The files that cannot be read, after the participants.
    private var unreadable: [(id: String, problem: RecordProblem)] = []
    /// For a filtered caseload: the positions (participants, then unreadable files) it shows.
    private var shown: [Int32]?

    public init() {}

    /// The rows given, participants first (a participant after an unreadable file is put
    /// before the unreadable files).
    public init<Rows: Sequence>(_ rows: Rows) where Rows.Element == CaseloadRow {
        for row in rows { append(row) }
    }

    public init(arrayLiteral rows: CaseloadRow...) { self.init(rows) }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { shown?.count ?? packed.count + unreadable.count }

    public subscript(position: Int) -> CaseloadRow {
        let at = shown.map { Int($0[position]) } ?? position
        guard at >= packed.count else { return .participant(entry(at)) }
        let file = unreadable[at - packed.count]
        return .unreadable(id: file.id, problem: file.problem)
    }

    /// How many participants and unreadable files the caseload (filtered: the rows shown) holds.
    public var size: CaseloadSize {
        guard let shown else { return CaseloadSize(participants: packed.count, unreadable: unreadable.count) }
        let participants = shown.reduce(0) { $0 + (Int($1) < packed.count ? 1 : 0) }
        return CaseloadSize(participants: participants, unreadable: shown.count - participants)
    }

    /// The position of the row of `id`, nil when there is none. Compares the id's bytes, without
    /// making a row of every participant.
    public func firstIndex(ofID id: String) -> Int? {
        let wanted = id.utf8
        let matches: (Int) -> Bool = { at in
            guard at < packed.count else { return unreadable[at - packed.count].id == id }
            let row = packed[at]
            let start = Int(row.text)
            return Int(row.idLength) == wanted.count && text[start..<(start + wanted.count)].elementsEqual(wanted)
        }
        guard let shown else { return (0..<(packed.count + unreadable.count)).first(where: matches) }
        return shown.firstIndex { matches(Int($0)) }
    }

    /// The names of the participants whose id is in `ids` (id → name), in one pass over the
    /// caseload that makes no string of a row it does not name: each row's id bytes are
    /// hashed (FNV-1a, 64 bits) and only a row whose hash is wanted is compared and named. A
    /// list of people (an offer's seats) is named so without a search of the whole caseload
    /// per person. Ids without a participant are left out.
    public func names(of ids: Set<String>) -> [String: String] {
        let wanted = Dictionary(grouping: ids) { FNV1a.hash($0.utf8) }
        var found: [String: String] = [:]
        text.withUnsafeBufferPointer { bytes in
            for row in packed where found.count < ids.count {
                let start = Int(row.text)
                let idBytes = UnsafeBufferPointer(rebasing: bytes[start..<(start + Int(row.idLength))])
                guard let candidates = wanted[FNV1a.hash(idBytes)], let id = candidates.first(where: { $0.utf8.elementsEqual(idBytes) }) else { continue }
                let nameStart = start + Int(row.idLength)
                found[id] = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<(nameStart + Int(row.nameLength))]), as: UTF8.self)
            }
        }
        return found
    }

    /// The positions of the participants whose id is in `ids`, in a whole caseload (not a
    /// filtered one). Makes a string of each id only (an id of up to 15 bytes is kept inline).
    func participantPositions(of ids: Set<String>) -> Set<Int32> {
        var positions: Set<Int32> = []
        for (at, row) in packed.enumerated() {
            let start = Int(row.text)
            if ids.contains(String(decoding: text[start..<(start + Int(row.idLength))], as: UTF8.self)) { positions.insert(Int32(at)) }
        }
        return positions
    }

    /// True when `other` shows the same participants from the same storage (one is a copy of
    /// the other, or was made from it without changing its participants).
    public func sharesRows(with other: Caseload) -> Bool {
        shown == other.shown && packed.count == other.packed.count && text.count == other.text.count
            && packed.withUnsafeBufferPointer { $0.baseAddress } == other.packed.withUnsafeBufferPointer { $0.baseAddress }
            && text.withUnsafeBufferPointer { $0.baseAddress } == other.text.withUnsafeBufferPointer { $0.baseAddress }
    }

    /// Equal rows; without making a row of each when both share their rows (a copy).
    public static func == (lhs: Caseload, rhs: Caseload) -> Bool {
        guard lhs.sharesRows(with: rhs) else { return lhs.elementsEqual(rhs) }
        return lhs.unreadable.elementsEqual(rhs.unreadable) { $0.id == $1.id && $0.problem == $1.problem }
    }

    // MARK: Changing

    /// Adds `row` after the participants (a participant) or at the end (an unreadable file).
    /// On a filtered caseload, the row is added to the caseload it was filtered from and shown.
    public mutating func append(_ row: CaseloadRow) {
        switch row {
        case .participant(let entry):
            packed.append(Self.pack(entry, into: &text))
            shown = shown.map { positions in positions.map { Int($0) >= packed.count - 1 ? $0 + 1 : $0 } + [Int32(packed.count - 1)] }
        case .unreadable(let id, let problem):
            unreadable.append((id, problem))
            shown?.append(Int32(packed.count + unreadable.count - 1))
        }
    }

    /// Puts `entry` at participant position `to`, removing the row at `from` first (counted in
    /// the caseload as it was; `to` in the caseload without that row). Moves only the rows
    /// between the two places. A whole caseload only (not a filtered one).
    mutating func place(_ entry: CaseloadEntry, from: Int?, to: Int) {
        precondition(shown == nil, "a filtered caseload is not changed")
        let row = Self.pack(entry, into: &text)
        guard let from else { return packed.insert(row, at: to) }
        guard from < packed.count else {
            unreadable.remove(at: from - packed.count)
            return packed.insert(row, at: to)
        }
        unused += Self.textLength(packed[from])
        if from == to {
            packed[from] = row
        } else {
            packed.remove(at: from)
            packed.insert(row, at: to)
        }
        if unused > text.count / 2 { compact() }
    }

    /// The participants (sharing this caseload's storage) and the unreadable files apart, of a
    /// whole caseload.
    func splitUnreadable() -> (participants: Caseload, unreadable: [(id: String, problem: RecordProblem)]) {
        precondition(shown == nil, "a filtered caseload is not split")
        var participants = self
        participants.unreadable = []
        return (participants, unreadable)
    }

    /// Removes the participants at the positions `positions` (of a whole caseload).
    mutating func removeParticipants(at positions: Set<Int32>) {
        precondition(shown == nil, "a filtered caseload is not changed")
        var index = Int32(-1)
        packed.removeAll { row in
            index += 1
            guard positions.contains(index) else { return false }
            unused += Self.textLength(row)
            return true
        }
        if unused > text.count / 2 { compact() }
    }

    /// Room for `participants` participants without growing (their strings take 32 bytes each,
    /// a little more than an id and a name on average; the buffer grows past that as needed).
    mutating func reserveCapacity(_ participants: Int) {
        packed.reserveCapacity(participants)
        text.reserveCapacity(participants * 32)
    }

    /// Writes `text` anew with only the strings rows point to.
    private mutating func compact() {
        var fresh: [UInt8] = []
        fresh.reserveCapacity(text.count - unused)
        for index in packed.indices {
            let start = Int(packed[index].text)
            packed[index].text = UInt32(fresh.count)
            fresh += text[start..<(start + Self.textLength(packed[index]))]
        }
        text = fresh
        unused = 0
    }

    // MARK: Search

    /// The participants whose search key (`CaseloadEntry.searchKey`) holds `folded` (folded as
    /// `CaseloadEntry.fold` does), compared byte by byte in UTF-8; of a filtered caseload, among
    /// the rows it shows. Shares this caseload's rows: costs 4 bytes a match.
    public func filter(folded: String) -> Caseload {
        let needle = Array(folded.utf8)
        var positions: [Int32] = []
        text.withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { needle in
                let test = { (at: Int32) in
                    if Int(at) < packed.count, Self.matches(packed[Int(at)], in: bytes, needle) { positions.append(at) }
                }
                if let shown {
                    for at in shown { test(at) }
                } else {
                    for at in 0..<Int32(packed.count) { test(at) }
                }
            }
        }
        var filtered = self
        filtered.shown = positions
        return filtered
    }

    /// True when the search key of `row` holds `needle`.
    private static func matches(_ row: Packed, in text: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let name = Int(row.text) + Int(row.idLength)
        if row.keyLength == Packed.asciiLowered {
            return contains(UnsafeBufferPointer(rebasing: text[name..<(name + Int(row.nameLength))]), needle, lowered: true)
        }
        let key = name + Int(row.nameLength)
        return contains(UnsafeBufferPointer(rebasing: text[key..<(key + Int(row.keyLength))]), needle, lowered: false)
    }

    /// `byte` with an ASCII capital made small.
    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// True when `needle` occurs in `haystack` (with `lowered`, in `haystack` with ASCII capitals made small).
    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, lowered: Bool) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) {
            let byte = haystack[start]
            guard (lowered ? lower(byte) : byte) == first else { continue }
            var offset = 1
            while offset < needle.count {
                let byte = haystack[start + offset]
                guard (lowered ? lower(byte) : byte) == needle[offset] else { break }
                offset += 1
            }
            if offset == needle.count { return true }
        }
        return false
    }

    // MARK: Packing

    /// The participant at position `at` of `packed`, as an entry.
    private func entry(_ at: Int) -> CaseloadEntry {
        let row = packed[at]
        return text.withUnsafeBufferPointer { bytes in
            let start = Int(row.text)
            let nameStart = start + Int(row.idLength)
            let nameEnd = nameStart + Int(row.nameLength)
            let string = { (range: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            let name = string(nameStart..<nameEnd)
            let key =
                row.keyLength == Packed.asciiLowered
                ? String(decoding: bytes[nameStart..<nameEnd].map(Self.lower), as: UTF8.self)
                : string(nameEnd..<(nameEnd + Int(row.keyLength)))
            return CaseloadEntry(
                id: string(start..<nameStart), name: name, searchKey: key, start: row.start, nextNumber: row.nextNumber,
                nextPlanned: row.nextPlanned, nextChanged: row.nextChanged, nextStatus: row.nextStatus,
                lastContact: row.lastContact, due: row.due, contactsAgreed: row.contactsAgreed)
        }
    }

    /// `entry` as a packed row, its strings appended to `text`.
    private static func pack(_ entry: CaseloadEntry, into text: inout [UInt8]) -> Packed {
        let start = text.count
        text += entry.id.utf8
        let idLength = text.count - start
        text += entry.name.utf8
        let nameLength = text.count - start - idLength
        var keyLength = Packed.asciiLowered
        // (Compared from the name, not from `text`: a slice of `text` held here would make the
        // append below copy the whole buffer.)
        if !entry.name.utf8.lazy.map(lower).elementsEqual(entry.searchKey.utf8) {
            text += entry.searchKey.utf8
            keyLength = UInt32(text.count - start - idLength - nameLength)
        }
        return Packed(
            text: UInt32(start), nameLength: UInt32(nameLength), keyLength: keyLength, idLength: UInt16(clamping: idLength),
            nextStatus: entry.nextStatus, contactsAgreed: entry.contactsAgreed, start: entry.start, nextNumber: entry.nextNumber,
            nextPlanned: entry.nextPlanned, nextChanged: entry.nextChanged, lastContact: entry.lastContact, due: entry.due)
    }

    /// The bytes of `text` a row takes.
    private static func textLength(_ row: Packed) -> Int {
        Int(row.idLength) + Int(row.nameLength) + (row.keyLength == Packed.asciiLowered ? 0 : Int(row.keyLength))
    }
}
