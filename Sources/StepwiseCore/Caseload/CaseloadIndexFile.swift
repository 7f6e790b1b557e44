import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reading and writing `caseload-index.jsonl` (the layout is described at `CaseloadIndex`).
/// Hand-written because Foundation's JSON takes 25–45 ms for the index of 10,000
/// participants and this takes a few: each line has a fixed shape and is checked whole.
enum IndexFile {
    /// What was found in the index file.
    struct Found {
        var state: CaseloadIndex.Statistics.IndexState
        /// Every line that could be believed, in file order.
        var records: [IndexRecord] = []
        /// How many of the lines believed came from the body (they are in caseload order).
        var bodyCount = 0
        /// How many lines were believed (`records.count` when they were kept).
        var recordCount = 0
        /// Lines that failed their checksum or their shape.
        var damaged = 0
        /// The stamp of `participants/` from the last folder line: the index held every
        /// participant file when the folder had it.
        var folder: FileStamp?
        /// The length of the body in bytes, from the header (nil in a header written before
        /// it was kept there).
        var bodyBytes: Int?
        /// The stamp of the index file read (nil when it could not be read): another reading
        /// with the same stamp read the same lines.
        var stamp: FileStamp?
    }

    // MARK: Reading

    /// Reads the index at `path`, keeping every line believed in `records`; `locale` is the
    /// one the caseload is sorted for.
    static func read(_ path: String, locale: String) -> Found {
        var records: [IndexRecord] = []
        var found = read(path, locale: locale) { record, _ in records.append(record) }
        found.records = records
        return found
    }

    /// Reads the index at `path`, handing each line believed to `each` as it is read, with
    /// whether it is a body line (those come in caseload order); `records` stays empty. Reads
    /// a block (`block` bytes) at a time, so that neither the file's bytes nor its lines need
    /// be in memory at once.
    static func read(_ path: String, locale: String, each: (IndexRecord, _ inBody: Bool) -> Void) -> Found {
        let read = opened(path) { fd, _ -> Found? in
            var parser = Parser(locale: locale)
            var pending: [UInt8] = []
            var block = [UInt8](repeating: 0, count: Self.block)
            while true {
                let got = block.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, Self.block) }
                if got < 0 && errno == EINTR { continue }
                guard got >= 0 else { return nil }
                guard got > 0 else { break }
                pending += block[0..<got]
                // Whole lines are parsed; the rest waits for the next block.
                guard let end = pending.lastIndex(of: 0x0A) else { continue }
                pending.withUnsafeBufferPointer { bytes in
                    let lines = UnsafeBufferPointer(rebasing: bytes[..<end])
                    for range in LineRanges.of(lines) {
                        if let (record, inBody) = parser.take(lines, range) { each(record, inBody) }
                    }
                }
                pending.removeSubrange(...end)
            }
            pending.withUnsafeBufferPointer { bytes in
                for range in LineRanges.of(bytes) {
                    if let (record, inBody) = parser.take(bytes, range) { each(record, inBody) }
                }
            }
            var found = parser.found
            var info = stat()
            if fstat(fd, &info) == 0 { found.stamp = FileStamp(info) }
            return found
        }
        switch read {
        case .success(let found): return found
        case .failure(let failure): return Found(state: failure.state)
        }
    }

    /// The size of the blocks `read` reads: small beside the rows read (at most two blocks
    /// are held at once), large enough that 16 MB of index take 64 reads.
    static let block = 1 << 18

    /// The lines of an index, one at a time, into what was found.
    struct Parser {
        let locale: String
        /// The body's line count, once the header was read.
        private var body: Int?
        /// Lines read after the header, not counting folder lines.
        private var number = 0
        private(set) var found = Found(state: .broken)

        init(locale: String) { self.locale = locale }

        /// The record of one line, and whether it is a body line; nil for the header, a folder
        /// line, or a line not believed (counted in `damaged`).
        mutating func take(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (IndexRecord, Bool)? {
            guard let body else {
                // The first line is the header; nothing after a bad one counts.
                guard number == 0, let header = IndexFile.header(bytes, range) else {
                    number = -1
                    return nil
                }
                guard header.version == CaseloadIndex.formatVersion else {
                    found = Found(state: .outdated)
                    number = -1
                    return nil
                }
                found = Found(state: header.locale == locale ? .valid : .outdated)
                found.bodyBytes = header.bodyBytes
                self.body = header.body
                return nil
            }
            if let stamp = IndexFile.folderStamp(bytes, range) {
                found.folder = stamp
                return nil
            }
            defer { number += 1 }
            guard let record = IndexFile.record(bytes, range) else {
                found.damaged += 1
                return nil
            }
            found.recordCount += 1
            // In another locale the body is in another order: every entry is inserted afresh.
            let inBody = number < body && found.state == .valid
            if inBody { found.bodyCount = found.recordCount }
            return (record, inBody)
        }
    }

    /// Why the index file could not be read.
    struct Unreadable: Error {
        var state: CaseloadIndex.Statistics.IndexState
    }

    /// `read` of the index file at `path` given its size in bytes; nil from `read` is
    /// `.broken`. Never blocks on a FIFO, never follows a link: anything but a regular file is
    /// `.broken`; no file is `.missing`.
    static func opened<T>(_ path: String, _ read: (Int32, Int) -> T?) -> Result<T, Unreadable> {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Unreadable(state: errno == ENOENT ? .missing : .broken)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .failure(Unreadable(state: .broken)) }
        return read(fd, Int(info.st_size)).map { .success($0) } ?? .failure(Unreadable(state: .broken))
    }

    /// `count` bytes of the open file `fd` from byte `offset`; nil when it has fewer.
    static func bytes(_ fd: Int32, at offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while filled < count {
                let got = pread(fd, buffer.baseAddress.map { $0 + filled }, count - filled, off_t(offset + filled))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { return false }
                filled += got
            }
            return true
        }
        return ok ? bytes : nil
    }

    /// The header `["stepwise caseload index",<version>,"<locale>",<body lines>,<body bytes>,"<checksum>"]`;
    /// `bodyBytes` is nil in a header written before it was kept there.
    static func header(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (
        version: Int, locale: String, body: Int, bodyBytes: Int?
    )? {
        guard var reader = LineReader(bytes, range) else { return nil }
        guard reader.open(), reader.string() == CaseloadIndex.formatName, reader.comma(),
            let version = reader.integer(), reader.comma(), let locale = reader.string(), reader.comma(),
            let body = reader.integer()
        else { return nil }
        if reader.atChecksum { return (Int(version), locale, Int(body), nil) }
        guard reader.comma(), let bodyBytes = reader.integer(), reader.atChecksum else { return nil }
        return (Int(version), locale, Int(body), Int(bodyBytes))
    }

    /// The stamp of a folder line `["d",<size>,<mtime ns>,<ctime ns>,<inode>,"<checksum>"]`, nil for any other line.
    static func folderStamp(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> FileStamp? {
        folder(bytes, range)?.stamp
    }

    /// A folder line `["d",<size>,<mtime ns>,<ctime ns>,<inode>,<participants>,<unreadable>,"<checksum>"]`:
    /// the stamp of `participants/` and the size of the caseload then (nil in a line written
    /// before the size was kept there); nil for any other line.
    static func folder(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (stamp: FileStamp, size: CaseloadSize?)? {
        guard range.count > 5, bytes[range.lowerBound + 2] == 0x64, bytes[range.lowerBound + 3] == 0x22,
            var reader = LineReader(bytes, range), reader.open(), reader.string() == "d", reader.comma(),
            let size = reader.integer(), reader.comma(), let modified = reader.integer(), reader.comma(), let changed = reader.integer(),
            reader.comma(),
            let inode = reader.integer()
        else { return nil }
        let stamp = FileStamp(size: size, modified: modified, changed: changed, inode: inode)
        if reader.atChecksum { return (stamp, nil) }
        guard reader.comma(), let participants = reader.integer(), reader.comma(), let unreadable = reader.integer(), reader.atChecksum
        else { return nil }
        return (stamp, CaseloadSize(participants: Int(participants), unreadable: Int(unreadable)))
    }

    static func record(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> IndexRecord? {
        guard var reader = LineReader(bytes, range), reader.open(), let kind = reader.string(), reader.comma(),
            let id = reader.string(), reader.comma(),
            let size = reader.integer(), reader.comma(), let modified = reader.integer(), reader.comma(),
            let changed = reader.integer(), reader.comma(), let inode = reader.integer(), reader.comma()
        else { return nil }
        let stamp = FileStamp(size: size, modified: modified, changed: changed, inode: inode)
        switch kind {
        case "p":
            guard let name = reader.string(), reader.comma(), let key = reader.string(), reader.comma(),
                let start = reader.integer(), reader.comma(),
                let number = reader.optionalInteger(), reader.comma(), let planned = reader.optionalInteger(), reader.comma(),
                let status = reader.optionalString(), reader.comma(), let statusChanged = reader.optionalInteger(), reader.comma(),
                let lastContact = reader.optionalInteger(), reader.comma(), let due = reader.optionalInteger(), reader.comma(),
                let agreed = reader.integer(), reader.atChecksum
            else { return nil }
            var next: Conversation?
            if let number = number, let planned = planned, let status = status {
                guard let status = Conversation.Status(rawValue: status) else { return nil }
                next = Conversation(
                    number: Int(number), planned: Day(ordinal: Int(planned)), status: status,
                    statusChanged: statusChanged.map { Day(ordinal: Int($0)) })
            }
            let entry = CaseloadEntry(
                id: id, name: name, searchKey: key, courseStart: Day(ordinal: Int(start)), nextConversation: next,
                lastEmployerContact: lastContact.map { Day(ordinal: Int($0)) }, followAlongDue: due.map { Day(ordinal: Int($0)) },
                contactsAgreed: agreed != 0)
            return IndexRecord(id: id, stamp: stamp, value: .entry(entry))
        case "u":
            guard let file = reader.string(), reader.comma(), let field = reader.optionalString(), reader.comma(),
                let english = reader.string(), reader.comma(), let key = reader.optionalString(), reader.comma(),
                let names = reader.string(), reader.comma(), let values = reader.string(), reader.atChecksum
            else { return nil }
            let reason = ProblemReason(english, key: key, packed: names, values)
            return IndexRecord(id: id, stamp: stamp, value: .unreadable(RecordProblem(file: file, field: field, reason: reason)))
        default:
            return nil
        }
    }

    // MARK: Writing

    /// One record as a line (without the newline).
    static func line(_ record: IndexRecord) -> [UInt8] {
        var writer = LineWriter()
        switch record.value {
        case .entry(let entry):
            writer.string("p")
            common(record, into: &writer)
            writer.string(entry.name)
            writer.string(entry.searchKey)
            writer.integer(Int64(entry.courseStart.ordinal))
            let next = entry.nextConversation
            writer.optionalInteger(next.map { Int64($0.number) })
            writer.optionalInteger(next.map { Int64($0.planned.ordinal) })
            writer.optionalString(next?.status.rawValue)
            writer.optionalInteger(next?.statusChanged.map { Int64($0.ordinal) })
            writer.optionalInteger(entry.lastEmployerContact.map { Int64($0.ordinal) })
            writer.optionalInteger(entry.followAlongDue.map { Int64($0.ordinal) })
            writer.integer(entry.contactsAgreed ? 1 : 0)
        case .unreadable(let problem):
            writer.string("u")
            common(record, into: &writer)
            writer.string(problem.file)
            writer.optionalString(problem.field)
            writer.string(problem.reason)
            writer.optionalString(problem.why.key)
            let packed = problem.why.packed
            writer.string(packed.names)
            writer.string(packed.values)
        }
        return writer.finish()
    }

    /// The folder line for the stamp of `participants/` and the size of the caseload the
    /// index then holds.
    static func folderLine(_ stamp: FileStamp, size: CaseloadSize) -> [UInt8] {
        var writer = LineWriter()
        writer.string("d")
        writer.integer(stamp.size)
        writer.integer(stamp.modified)
        writer.integer(stamp.changed)
        writer.integer(stamp.inode)
        writer.integer(Int64(size.participants))
        writer.integer(Int64(size.unreadable))
        return writer.finish()
    }

    private static func common(_ record: IndexRecord, into writer: inout LineWriter) {
        writer.string(record.id)
        writer.integer(record.stamp.size)
        writer.integer(record.stamp.modified)
        writer.integer(record.stamp.changed)
        writer.integer(record.stamp.inode)
    }

    /// Writes the whole index atomically (0600, fsynced): the header, the `folder` line if
    /// given, then `lines`, of which the first `body` (all, unless given) are in caseload order. Written under the index
    /// lock, without the lines of participants erased meanwhile (see `guarded`).
    static func write(_ lines: [[UInt8]], body: Int? = nil, folder: [UInt8]? = nil, locale: String, to url: URL) -> Bool {
        guarded(url) { lock, isGone in
            let kept = lines.enumerated().filter { !isGone($0.element) }
            let bodyLines = kept.filter { $0.offset < (body ?? lines.count) }
            var header = LineWriter()
            header.string(CaseloadIndex.formatName)
            header.integer(Int64(CaseloadIndex.formatVersion))
            header.string(locale)
            header.integer(Int64(bodyLines.count))
            header.integer(Int64(bodyLines.reduce(0) { $0 + $1.element.count + 1 }))
            var bytes = header.finish()
            bytes.reserveCapacity(lines.reduce(bytes.count + 1 + (folder?.count ?? 0) + 1) { $0 + $1.count + 1 })
            bytes.append(0x0A)
            if let folder {
                bytes += folder
                bytes.append(0x0A)
            }
            for line in kept {
                bytes += line.element
                bytes.append(0x0A)
            }
            try AtomicFile.write(Data(bytes), to: url, fence: lock, folderMayBeLink: false)
        }
    }

    /// Appends `lines` to an existing index, without fsync (the index is a cache: a lost line
    /// only means that file is parsed again). The lines land whole or not at all, and a line
    /// an interrupted writer left unfinished is cut off first (see `AtomicFile.append`).
    /// Written under the index lock, without the lines of participants erased meanwhile.
    static func append(_ lines: [[UInt8]], to path: String) -> Bool {
        guard !lines.isEmpty else { return true }
        let url = URL(fileURLWithPath: path)
        return guarded(url) { lock, isGone in
            var bytes: [UInt8] = []
            for line in lines where !isGone(line) {
                bytes += line
                bytes.append(0x0A)
            }
            guard !bytes.isEmpty else { return }
            try lock.verify()
            try AtomicFile.append(Data(bytes), to: url, create: false, sync: false)
        }
    }

    // MARK: Erasure

    /// How long after an erasure every line written is checked against the participant files
    /// (a `list` or screen start that read the folder before the erasure writes within it).
    static let erasureWindow: TimeInterval = 600

    /// The short lock around every write of the index (`locks/index.lock`).
    static func lockPath(_ index: URL) -> String {
        index.deletingLastPathComponent().appendingPathComponent("locks/index.lock").path
    }

    /// Marks that a participant was just erased (`locks/index.erased`, empty, its time is
    /// what counts): for `erasureWindow`, index writes leave out every participant whose file
    /// is gone. Call after removing the participant's file and before `forget`.
    static func noteErasure(_ index: URL) {
        let fd = open(
            index.deletingLastPathComponent().appendingPathComponent("locks/index.erased").path,
            O_CREAT | O_WRONLY | O_TRUNC | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        futimens(fd, nil)
        close(fd)
    }

    /// Who this process is, as its index lock claims say (read once: finding the login name
    /// reads the system's user list, which every save would otherwise read again).
    private static let writer = Identity.current()

    /// Runs `write` under the index lock. `write` gets the lock (the fence of its commit) and
    /// a test telling a line about a participant erased meanwhile: within `erasureWindow` of
    /// an erasure, a line whose participant file no longer exists. So an index written from
    /// a reading made before an erasure cannot bring the erased name back: either it is
    /// written before the erasure's own rewrite (which removes it), or it sees the mark.
    /// False when the lock could not be had or the write failed (the index is a cache).
    private static func guarded(_ index: URL, _ write: (ExclusiveLock, ([UInt8]) -> Bool) throws -> Void) -> Bool {
        let root = index.deletingLastPathComponent()
        do {
            try ExclusiveLock.with(path: lockPath(index), as: writer, timeout: 2) { lock in
                var info = stat()
                let marker = root.appendingPathComponent("locks/index.erased").path
                let recent =
                    lstat(marker, &info) == 0
                    && Date().timeIntervalSince1970 - Double(info.st_mtim.tv_sec) < erasureWindow
                let participants = root.appendingPathComponent("participants").path
                try write(lock) { line in
                    guard recent, let id = participantID(line) else { return false }
                    var file = stat()
                    return lstat(participants + "/" + id + ".json", &file) != 0 && errno == ENOENT
                }
            }
            return true
        } catch {
            return false
        }
    }

    /// The participant id a line is about.
    private static func participantID(_ line: [UInt8]) -> String? {
        line.withUnsafeBufferPointer { bytes in
            guard var reader = LineReader(bytes, 0..<bytes.count), reader.open(), reader.string() != nil, reader.comma() else {
                return nil
            }
            return reader.string()
        }
    }
}

extension CaseloadIndex {
    /// True when the index file holds `id` anywhere (a line about the participant, whole or
    /// damaged), or cannot be read to tell; for erasure, which must leave no trace.
    func names(_ id: String) -> Bool {
        do {
            guard let data = try DataFile.read(url, limit: Int.max) else { return false }
            return data.range(of: Data(id.utf8)) != nil
        } catch {
            return true
        }
    }
}
