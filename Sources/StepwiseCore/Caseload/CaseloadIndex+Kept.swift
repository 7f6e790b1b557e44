import Foundation

/// The lines of the caseload index kept as they are read (see `CaseloadIndex.load`): the
/// participants of body lines as rows in caseload order, the participants of lines appended
/// after the body, and the unreadable files. The last line about a file is the one that
/// counts: a later line takes the place of an earlier one.
struct KeptLines {
    /// Where the line that counts for a file is.
    enum Place {
        /// No line about the file yet.
        case none
        /// The line that counts does not hold the file as it is now: it is parsed again.
        case stale
        case body(Int32)
        case appended(Int32)
        case unreadable(Int32)
    }

    /// By position in the folder listing.
    private var places: [Place]
    private var body = Caseload()
    private var appended: [CaseloadEntry] = []
    private var unreadable: [(id: String, problem: RecordProblem)] = []
    /// Lines taken and then replaced by a later line about the same file (few: only lines
    /// appended after the body replace others).
    private var replaced: (body: Set<Int32>, appended: Set<Int32>, unreadable: Set<Int32>) = ([], [], [])

    /// Room for the lines about `files` participant files (0 when `keep` is used instead of `take`).
    init(files: Int) {
        places = [Place](repeating: .none, count: files)
        body.reserveCapacity(files)
    }

    /// The rows `rows` (a whole caseload in caseload order) as lines kept, to be changed by
    /// `replace` and `rows(adding:order:)`: its participants are the body (sharing their storage
    /// with `rows`), its unreadable files the unreadable lines.
    init(rows: Caseload) {
        places = []
        (body, unreadable) = rows.splitUnreadable()
    }

    /// Takes the line `record` about the file at position `file` of the listing: kept when
    /// the file is `current` (has the stamp the line holds), else the file is to be parsed.
    mutating func take(_ record: IndexRecord, file: Int, current: Bool, inBody: Bool) {
        switch places[file] {
        case .none, .stale: break
        case .body(let at): replaced.body.insert(at)
        case .appended(let at): replaced.appended.insert(at)
        case .unreadable(let at): replaced.unreadable.insert(at)
        }
        places[file] = current ? keep(record, inBody: inBody) : .stale
    }

    /// Keeps the line `record`; returns where.
    @discardableResult
    mutating func keep(_ record: IndexRecord, inBody: Bool) -> Place {
        switch record.value {
        case .entry(let entry) where inBody:
            body.append(.participant(entry))
            return .body(Int32(body.count - 1))
        case .entry(let entry):
            appended.append(entry)
            return .appended(Int32(appended.count - 1))
        case .unreadable(let problem):
            unreadable.append((record.id, problem))
            return .unreadable(Int32(unreadable.count - 1))
        }
    }

    /// Drops the lines kept about the files `ids` (a later line about each is kept after).
    mutating func replace(_ ids: Set<String>) {
        guard !ids.isEmpty else { return }
        replaced.body.formUnion(body.participantPositions(of: ids))
        for (at, file) in unreadable.enumerated() where ids.contains(file.id) { replaced.unreadable.insert(Int32(at)) }
    }

    /// True when a line about the file at position `file` is kept.
    func holds(_ file: Int) -> Bool {
        switch places[file] {
        case .none, .stale: return false
        case .body, .appended, .unreadable: return true
        }
    }

    /// The caseload rows: the participants in caseload order (the body's order holds for the
    /// body lines kept; the rest is inserted where it sorts in `order`), then the unreadable
    /// files by id, with the files parsed afresh; and how many of each there are. The rows
    /// are made in the caseload the body lines were kept in, which the caseload keeps.
    mutating func rows(adding fresh: [IndexRecord], order: LocaleFormats) -> (rows: Caseload, size: CaseloadSize) {
        var rows = body
        body = Caseload()
        if !replaced.body.isEmpty { rows.removeParticipants(at: replaced.body) }
        var inserted = appended.enumerated().filter { !replaced.appended.contains(Int32($0.offset)) }.map(\.element)
        var unreadable = unreadable.enumerated().filter { !replaced.unreadable.contains(Int32($0.offset)) }.map(\.element)
        for record in fresh {
            switch record.value {
            case .entry(let entry): inserted.append(entry)
            case .unreadable(let problem): unreadable.append((record.id, problem))
            }
        }
        // Every row is a participant's until the unreadable files are added below.
        func before(_ row: CaseloadRow, _ entry: CaseloadEntry) -> Bool {
            guard case .participant(let other) = row else { return false }
            return CaseloadEntry.ordered(other, entry, in: order)
        }
        if inserted.count > rows.count / 4 {
            var entries = rows.compactMap { row -> CaseloadEntry? in
                guard case .participant(let entry) = row else { return nil }
                return entry
            }
            rows = Caseload()
            entries += inserted
            inserted = []
            entries.sort { CaseloadEntry.ordered($0, $1, in: order) }
            rows.reserveCapacity(entries.count)
            for entry in entries { rows.append(.participant(entry)) }
        } else {
            for entry in inserted.sorted(by: { CaseloadEntry.ordered($0, $1, in: order) }) {
                rows.place(entry, from: nil, to: CaseloadIndex.insertionPoint(count: rows.count) { before(rows[$0], entry) })
            }
        }
        let size = CaseloadSize(participants: rows.count, unreadable: unreadable.count)
        unreadable.sort { $0.id < $1.id }
        for file in unreadable { rows.append(.unreadable(id: file.id, problem: file.problem)) }
        return (rows, size)
    }
}

/// The position of each participant file in a folder listing by its id: an open-addressing
/// table of 32-bit positions with twice as many slots as files (0.8 MB for 100,000 files,
/// where a dictionary of the ids takes 6 MB). Ids are hashed with the standard library's
/// seeded hash, so that chosen file names cannot make the lookups slow.
struct FileLookup {
    private let files: ParticipantFolder.Listing
    private var slots: [Int32]
    private let mask: Int

    init(_ files: ParticipantFolder.Listing) {
        self.files = files
        var size = 16
        while size < files.count * 2 { size <<= 1 }
        mask = size - 1
        slots = [Int32](repeating: -1, count: size)
        for index in 0..<files.count {
            var slot = Self.hash(files.idBytes(index)) & mask
            // A folder lists each name once: no id is in the table twice.
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// The position of the file `id` in the listing, nil when it is not there.
    func index(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { bytes in
            var slot = Self.hash(bytes) & mask
            while slots[slot] >= 0 {
                let index = Int(slots[slot])
                if files.idBytes(index).elementsEqual(bytes) { return index }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// The seeded hash of an id's bytes.
    private static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
        var hasher = Hasher()
        for byte in bytes { hasher.combine(byte) }
        return hasher.finalize()
    }
}
