import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The caseload index: what the caseload shows of every participant file, so that the
/// caseload opens without parsing 10,000 files.
///
/// The index is `caseload-index.jsonl` in the data folder, one JSON array per line:
///
///     ["stepwise caseload index",1,"en_US",<body lines>,<body bytes>,"<checksum>"]
///     ["p",<id>,<size>,<mtime ns>,<ctime ns>,<inode>,<name>,<search key>,<course start>,
///      <next number>,<next planned>,<next status>,<next status changed>,"<checksum>"]
///     ["u",<id>,<size>,<mtime ns>,<ctime ns>,<inode>,<problem file>,<problem field>,<reason>,
///      <reason key>,<argument names>,<argument values>,"<checksum>"]
///     ["d",<size>,<mtime ns>,<ctime ns>,<inode>,<participants>,<unreadable>,"<checksum>"]
///
/// Days are days since 1970-01-01; the checksum (`LineChecksum`, 64 bits, hex) covers the
/// line up to its last comma, so a damaged or hand-edited line is never believed. The body
/// lines hold the participants in caseload order, then the unreadable files; lines after the
/// body were appended by `recordSaved` or by a load that found a few changed files (the later
/// line for an id wins), and are compacted into the body once there are many.
///
/// A folder line (`d`, the last one counts) holds the stamp of `participants/` when the index
/// held every participant file and the folder had been quiet for `racyWindow`: while the folder
/// keeps that stamp, no file was renamed into or out of it (every save is such a rename), so
/// `loadIfUnchanged` shows the index with one `stat` instead of one per file. It also keeps how
/// many participants and unreadable files the caseload then had, and the header keeps the
/// body's length in bytes, so that `loadFirstRows` reads the head and the appended lines only.
/// (Both were added to format 3 later: a header or folder line without them is still read. Format 4
/// added the reason's string-table key and arguments, `ProblemReason.packed`.)
///
/// **The index never lies.** Every `load()` lists the participant files and `stat`s each one; an
/// entry is used only when the file's size, modification time, change time and inode are
/// exactly those recorded. Anything else (a file changed by another terminal, a restored
/// backup, an edit by hand, a new file) is parsed again, a removed file is dropped, and the
/// index is repaired. A missing, damaged or foreign index is rebuilt. A file changed less
/// than `racyWindow` before it was parsed is not recorded, because a second change within
/// the same clock tick could keep its time stamps (it is parsed again next time).
///
/// Two processes may write the index at once: full writes are atomic renames and appends
/// are single `write`s, so the last writer wins, and whatever it holds is checked by `stat`
/// on the next load anyway.
public struct CaseloadIndex: Sendable {
    /// File name of the index in the data folder.
    public static let fileName = "caseload-index.jsonl"
    /// First value of the header line.
    static let formatName = "stepwise caseload index"
    /// Raised whenever the line layout or `CaseloadEntry.fold` changes.
    static let formatVersion = 4

    /// What one load did, for tests and the benchmark.
    public struct Statistics: Equatable, Sendable {
        /// The state of the index file as found.
        public enum IndexState: Equatable, Sendable {
            /// Read and used.
            case valid
            /// There was none.
            case missing
            /// It could not be read or its header was damaged.
            case broken
            /// Another format version, or sorted for another locale.
            case outdated
        }

        /// How the index file was brought up to date.
        public enum Write: Equatable, Sendable {
            /// Nothing had changed.
            case none
            /// Lines for the changed files were appended.
            case appended
            /// The whole index was written anew.
            case rewritten
            /// Writing failed (a read-only folder); the caseload is still right.
            case failed
        }

        public var index: IndexState = .missing
        /// Participant files found.
        public var files = 0
        /// Files whose index entry was used without parsing the file.
        public var reused = 0
        /// Files parsed because they were new, changed or not in the index.
        public var parsed = 0
        /// Index entries dropped because their file is gone.
        public var removed = 0
        public var write: Write = .none
    }

    /// The data folder.
    public let store: DataStore
    /// A file modified less than this before it is read is read again on the next load.
    let racyWindow: TimeInterval
    /// The clock (tests move it on).
    let now: @Sendable () -> Date

    /// The index of `store`.
    public init(store: DataStore) {
        self.init(store: store, racyWindow: 2, now: { Date() })
    }

    init(store: DataStore, racyWindow: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.racyWindow = racyWindow
        self.now = now
    }

    /// The index file.
    public var url: URL { store.root.appendingPathComponent(CaseloadIndex.fileName) }

    /// Every participant as a caseload row (sorted by name, unreadable files last, exactly
    /// as parsing every file would give), and what it took. Checks every file by `stat`.
    ///
    /// The folder is listed first (compactly, `ParticipantFolder.Listing`), then the index is
    /// read line by line against it: of each line only what the caseload keeps (its compact
    /// row) is held, so that at 100,000 participants the rows, the files' names and stamps and
    /// a table of their positions are in memory (about 13 MB), not every line of the index besides.
    public func load() -> (rows: Caseload, statistics: Statistics) {
        load(confirming: nil)
    }

    /// `load()` of a caseload whose rows `read` (`readRows`) just gave: the index is read again
    /// only to compare each line's stamp with its file's, and the rows kept are those of `read`
    /// (shared with it, not made again: at 100,000 participants 7 MB), without the rows of files
    /// changed or gone and with the files parsed afresh. When the index file is no longer the
    /// one `read` read (another terminal appended to it or wrote it anew), as `load()`.
    public func load(confirming read: IndexRows?) -> (rows: Caseload, statistics: Statistics) {
        var statistics = Statistics()
        let locale = store.nameOrder.locale.identifier
        let (folder, files) = ParticipantFolder.scan(store.participantsDir.path)
        statistics.files = files.count
        let lookup = FileLookup(files)
        var kept = KeptLines(files: read == nil ? files.count : 0)
        // Confirming: whether the last line about each file holds it as it is now (nil: no line).
        var current = [Bool?](repeating: nil, count: read == nil ? 0 : files.count)
        // The ids of index lines whose file is gone.
        var gone: Set<String> = []
        let found = IndexFile.read(url.path, locale: locale) { record, inBody in
            guard let file = lookup.index(of: record.id) else {
                gone.insert(record.id)
                return
            }
            let now = files.stamp(file) == record.stamp
            if read == nil { kept.take(record, file: file, current: now, inBody: inBody) } else { current[file] = now }
        }
        if let read, found.stamp == nil || found.stamp != read.stamp { return load(confirming: nil) }
        statistics.index = found.state
        var toParse: [(id: String, stamp: FileStamp?)] = []
        for index in 0..<files.count where read == nil ? !kept.holds(index) : current[index] != true {
            toParse.append((files.id(index), files.stamp(index)))
        }
        statistics.reused = files.count - toParse.count
        statistics.parsed = toParse.count
        let fresh = parse(toParse)
        if let read {
            kept = KeptLines(rows: read.rows)
            kept.replace(gone.union(toParse.map(\.id)))
        }
        let (rows, size) = kept.rows(adding: fresh, order: store.nameOrder)

        // Bring the index file up to date: lines no longer true (dead) and lines appended after
        // the body (inserted on every load) are compacted away once there are many.
        let dead = found.recordCount - statistics.reused
        let appended = found.recordCount - found.bodyCount
        statistics.removed = gone.count
        let recordable = fresh.filter(\.recordable)
        // The folder's stamp vouches for the index (`loadIfUnchanged`) only when every file is
        // in it and the folder had been quiet for `racyWindow` before it was listed: any later
        // rename into or out of it then gives it a later modification time.
        let quietFolder = folder.flatMap { stamp in
            recordable.count == fresh.count && Double(max(stamp.modified, stamp.changed)) / 1e9 < now().timeIntervalSince1970 - racyWindow
                && stamp != found.folder ? stamp : nil
        }
        // A removed file's name goes from the index at once (it may have been an erasure); a
        // header without the body's length is written anew (the first frame needs it).
        if found.state != .valid || found.damaged > 0 || statistics.removed > 0 || found.bodyBytes == nil
            || dead + appended + recordable.count > max(64, files.count / 16)
        {
            // A row kept from the index has its file's stamp; a row parsed afresh, the one taken
            // before it was parsed.
            var freshStamps: [String: (stamp: FileStamp, recordable: Bool)] = [:]
            for record in fresh { freshStamps[record.id] = (record.stamp, record.recordable) }
            statistics.write = rewrite(rows, folder: quietFolder, size: size, locale: locale) { id in
                freshStamps[id] ?? lookup.index(of: id).flatMap { files.stamp($0) }.map { ($0, true) }
            }
        } else if !recordable.isEmpty || quietFolder != nil {
            let lines = recordable.map(IndexFile.line) + (quietFolder.map { [IndexFile.folderLine($0, size: size)] } ?? [])
            statistics.write = IndexFile.append(lines, to: url.path) ? .appended : .failed
        }
        return (rows, statistics)
    }

    /// The caseload from the index alone, without listing or `stat`-ing the participant files:
    /// one `stat` of `participants/` shows that no file was renamed into or out of it since
    /// the index vouched for it (every save is such a rename). Nil when that cannot be shown;
    /// then `load()` is needed. A file edited in place (by hand) keeps the folder's stamp:
    /// confirm with `load()` once the rows are shown. With `anyFolder`, the index's rows are
    /// given whatever the folder's stamp (what the index last knew, to be checked by `load()`).
    ///
    /// The body lines are kept as compact rows as they are read, and only the lines appended
    /// after the body (few) are held whole, the last one for an id winning, so that at 100,000
    /// participants the rows are in memory (about 7 MB), not every line of the index besides.
    public func loadIfUnchanged(anyFolder: Bool = false) -> Caseload? {
        guard let now = folderStamp() else { return nil }
        return readRows(folder: anyFolder ? nil : now.stamp)?.rows
    }

    /// The whole index's rows as they are, whatever the stamp of `participants/`
    /// (`loadIfUnchanged(anyFolder: true)`), with the stamp of the index file they were read
    /// from, for `load(confirming:)` to check against every file. Nil when the index cannot be
    /// read whole (missing, damaged, another format or locale).
    public func readRows() -> IndexRows? { readRows(folder: nil) }

    /// The index's rows, when the index vouches for `folder` (any folder when nil).
    private func readRows(folder: FileStamp?) -> IndexRows? {
        var kept = KeptLines(files: 0)
        var appended: [String: IndexRecord] = [:]
        let found = IndexFile.read(url.path, locale: store.nameOrder.locale.identifier) { record, inBody in
            if inBody { kept.keep(record, inBody: true) } else { appended[record.id] = record }
        }
        guard found.state == .valid, found.damaged == 0, folder == nil || found.folder == folder, let stamp = found.stamp else { return nil }
        kept.replace(Set(appended.keys))
        for record in appended.values { kept.keep(record, inBody: false) }
        return IndexRows(rows: kept.rows(adding: [], order: store.nameOrder).rows, stamp: stamp)
    }

    /// Records a participant just saved (call after `DataStore.save`), so that the next load
    /// need not parse its file: appends one line to the index. Costs a `stat` and one small
    /// write; does nothing when there is no index yet (the next load builds it).
    public func recordSaved(_ participant: Participant) {
        guard let file = try? store.participantFile(participant.id), let stamp = FileStamp(path: file.path) else { return }
        let record = IndexRecord(id: participant.id, stamp: stamp, value: .entry(CaseloadEntry(participant)))
        _ = IndexFile.append([IndexFile.line(record)], to: url.path)
    }

    /// Removes every line about participant `id` from the index (for an erasure: the index
    /// holds the name). Returns false when the index could not be rewritten; it is then
    /// deleted, so that no trace of the name is left (the next load rebuilds it).
    @discardableResult
    public func forget(_ id: String) -> Bool {
        let locale = store.nameOrder.locale.identifier
        let found = IndexFile.read(url.path, locale: locale)
        if found.state == .missing { return true }
        let body = found.records.prefix(found.bodyCount).filter { $0.id != id }.map(IndexFile.line)
        let tail = found.records.dropFirst(found.bodyCount).filter { $0.id != id }.map(IndexFile.line)
        if found.state != .broken, IndexFile.write(body + tail, body: body.count, locale: locale, to: url) { return true }
        return unlink(url.path) == 0 || errno == ENOENT
    }

    /// The first of `0..<count` for which `isBefore` is false (it is true for a prefix): where
    /// an entry goes in a list sorted by `CaseloadEntry.ordered`. A binary search.
    static func insertionPoint(count: Int, isBefore: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Writes the whole index: the rows as they are (the participants in caseload order, then
    /// the unreadable files), each with the stamp `stamp` gives for its id; a row without one,
    /// or whose file may still change unnoticed, is left out (it is parsed again next time).
    private func rewrite(
        _ rows: Caseload, folder: FileStamp?, size: CaseloadSize, locale: String,
        stamp: (String) -> (stamp: FileStamp, recordable: Bool)?
    ) -> Statistics.Write {
        var lines: [[UInt8]] = []
        lines.reserveCapacity(rows.count)
        for row in rows {
            guard let known = stamp(row.id), known.recordable else { continue }
            let value: IndexRecord.Value
            switch row {
            case .participant(let entry): value = .entry(entry)
            case .unreadable(_, let problem): value = .unreadable(problem)
            }
            lines.append(IndexFile.line(IndexRecord(id: row.id, stamp: known.stamp, value: value)))
        }
        return IndexFile.write(lines, folder: folder.map { IndexFile.folderLine($0, size: size) }, locale: locale, to: url) ? .rewritten : .failed
    }

    /// Parses the files not in the index, in parallel when there are many.
    private func parse(_ files: [(id: String, stamp: FileStamp?)]) -> [IndexRecord] {
        let store = self.store
        let limit = now().timeIntervalSince1970 - racyWindow
        let one: @Sendable ((id: String, stamp: FileStamp?)) -> IndexRecord = { file in
            let value: IndexRecord.Value
            do {
                value = .entry(CaseloadEntry(try store.loadParticipant(file.id)))
            } catch let problem as RecordProblem {
                value = .unreadable(problem)
            } catch {
                value = .unreadable(RecordProblem(file: "participants/\(file.id).json", reason: .untranslated("\(error)")))
            }
            // A file without a stamp (it vanished, or the id is not valid) is never recorded.
            let stamp = file.stamp ?? FileStamp(size: -1, modified: 0, changed: 0, inode: 0)
            let recordable =
                file.stamp != nil && RecordID.isValid(file.id)
                && Double(max(stamp.modified, stamp.changed)) / 1e9 < limit
            return IndexRecord(id: file.id, stamp: stamp, value: value, recordable: recordable)
        }
        guard files.count >= 16 else { return files.map(one) }
        return Parallel.map(files, one)
    }
}

/// The whole index's rows as they were read (`CaseloadIndex.readRows`), and the stamp of the
/// index file they were read from.
public struct IndexRows: Sendable {
    /// The rows, in caseload order.
    public let rows: Caseload
    let stamp: FileStamp
}

/// What the index knows of one participant file.
struct IndexRecord: Sendable {
    enum Value: Sendable {
        case entry(CaseloadEntry)
        case unreadable(RecordProblem)
    }

    var id: String
    var stamp: FileStamp
    var value: Value
    /// False when the file may change again unnoticed (too recently modified): shown, not kept.
    var recordable = true
}
