import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What was done to a participant's record, as the audit log notes it.
public enum AuditAction: String, Codable, CaseIterable, Sendable {
    /// The record was opened on a screen.
    case opened
    /// The record was changed and saved.
    case changed
    /// The plan summary was sent to a printer.
    case printed
    /// The plan summary was written to a file.
    case summaryWritten
    /// The plan summary was shown (written to standard output by `stepwise summary`).
    case summaryShown
    /// A copy of everything held was made (`stepwise export`).
    case exported
    /// Everything held was erased (`stepwise erase`); the entry names only an anonymous marker.
    case erased
    /// A seat or a place on a waitlist was booked.
    case booked
    /// A seat or a place on a waitlist was given up.
    case unbooked
    /// A calendar file of the participant's appointments was made.
    case calendar
    /// The participant's own internship placement (period, hours, adjustments) was written
    /// or changed; the entry never holds what was agreed.
    case placementChanged
    /// A follow-up meeting was added to the participant's placement.
    case followUpAdded
    /// A follow-up meeting of the participant's placement was changed (held, moved, notes).
    case followUpChanged
    /// The job-search agreement was written or changed.
    case jobAgreement
    /// The citizen approved the job-search agreement.
    case jobAgreementApproved
    /// An application or employer contact was added or changed.
    case application
    /// An application's status was moved on.
    case applicationStatus
    /// An interview was added, or how it went recorded.
    case interview
    /// Follow-along support was started or its rhythm changed.
    case followAlong
    /// A follow-along contact was recorded.
    case followAlongContact
    /// A job was added to the job board (no participant).
    case jobPosted
    /// A job on the board was changed or marked filled (no participant).
    case jobChanged
    /// Jobs were imported into the board from a spreadsheet (no participant).
    case jobsImported
    /// A job from the board was suggested to the participant.
    case jobSuggested
}

/// One line of the audit log: who did what to which record, and when. It never holds what
/// the record says (no names, no note text): the participant is named by id only.
public struct AuditEntry: Codable, Equatable, Sendable {
    /// When it happened.
    public var at: Date
    public var action: AuditAction
    /// The participant's id, an anonymous marker such as `erased-1` once they were erased,
    /// or nil for an action on no one record.
    public var participant: String?
    /// The coach's name as set for the terminal (`$STEPWISE_COACH`).
    public var coach: String
    /// The operating-system user.
    public var user: String
    /// The machine.
    public var host: String

    public init(at: Date, action: AuditAction, participant: String?, coach: String, user: String, host: String) {
        self.at = at
        self.action = action
        self.participant = participant
        self.coach = coach
        self.user = user
        self.host = host
    }
}

/// The audit log, `audit.log` in the data folder: one JSON object per line, only ever added
/// to (a 0600 file, each line written whole by one `write` with `O_APPEND`, then fsynced).
///
/// Appends take a short lock (`locks/audit.lock`, the same `O_CREAT|O_EXCL` kind as the
/// offer locks), so that lines from several processes and machines never mix, also on
/// network file systems where `O_APPEND` alone is not atomic, and so that an erasure, which
/// rewrites the log, loses no line appended meanwhile. An append that does not land whole (a
/// full disk) is cut back, so the log never holds half a line from it; a line left
/// half-written by a crash is skipped when the log is read and cut off by the next append.
public struct AuditLog: Sendable {
    /// The longest coach or user name kept (longer ones are cut), so that lines stay short.
    static let maxNameLength = 120

    public let store: DataStore
    /// How long to wait for another process's append.
    public var lockTimeout: TimeInterval

    public init(store: DataStore, lockTimeout: TimeInterval = 10) {
        self.store = store
        self.lockTimeout = lockTimeout
    }

    /// The log file.
    public var url: URL { store.root.appendingPathComponent("audit.log", isDirectory: false) }

    /// The lock guarding appends and rewrites.
    var lockPath: String { store.locksDir.appendingPathComponent("audit.lock", isDirectory: false).path }

    /// Notes that `identity` did `action` to the participant's record (nil: to no one record).
    public func record(_ action: AuditAction, participant: String?, by identity: Identity, at: Date = Date()) throws {
        if let participant, !RecordID.isValid(participant) {
            throw RecordProblem(file: "audit.log", field: "participant", reason: .untranslated("'\(participant)' is not a valid id"))
        }
        let entry = AuditLog.entry(action, participant: participant, by: identity, at: at)
        let line = try AuditLog.encodeLine(entry)
        try withLock(as: identity) { lock in
            // An append is not a rename: the fence is checked just before it.
            try lock.verify()
            try AtomicFile.append(line, to: url)
        }
    }

    /// Every readable entry, oldest first; lines that cannot be read (cut off by a crash) are skipped.
    public func entries() -> [AuditEntry] {
        guard let data = try? contents() else { return [] }
        return AuditLog.parse(data).compactMap(\.entry)
    }

    /// The entries about one participant, oldest first: what the citizen may see of the log.
    public func entries(for participant: String) -> [AuditEntry] {
        entries().filter { $0.participant == participant }
    }

    /// Replaces the participant's id by a new anonymous marker (`erased-N`) in every line,
    /// adds one `erased` entry naming only the marker, and writes the log anew atomically
    /// (a new file renamed over the old one). Returns the marker and how many lines named
    /// the participant.
    @discardableResult
    public func anonymize(_ participant: String, erasedBy identity: Identity, at: Date = Date()) throws -> (marker: String, lines: Int) {
        guard RecordID.isValid(participant) else {
            throw RecordProblem(file: "audit.log", field: "participant", reason: .untranslated("'\(participant)' is not a valid id"))
        }
        return try withLock(as: identity) { lock in
            let data = try contents() ?? Data()
            let lines = AuditLog.parse(data)
            let marker = AuditLog.nextMarker(after: lines.compactMap(\.entry))
            var output = Data()
            var replaced = 0
            let idBytes = Data(participant.utf8)
            for line in lines {
                if var entry = line.entry {
                    if entry.participant == participant {
                        entry.participant = marker
                        replaced += 1
                        output += try AuditLog.encodeLine(entry)
                    } else {
                        output += line.raw + Data([0x0A])
                    }
                } else if line.raw.range(of: idBytes) != nil {
                    // A damaged line that still names the participant: the id goes, the rest stays.
                    let text = String(decoding: line.raw, as: UTF8.self).replacingOccurrences(of: participant, with: marker)
                    output += Data(text.utf8) + Data([0x0A])
                    replaced += 1
                } else {
                    output += line.raw + Data([0x0A])
                }
            }
            output += try AuditLog.encodeLine(AuditLog.entry(.erased, participant: marker, by: identity, at: at))
            try AtomicFile.write(output, to: url, fence: lock, folderMayBeLink: false)
            return (marker, replaced)
        }
    }

    /// How many lines name the participant (readable or not).
    public func count(naming participant: String) -> Int {
        guard let data = try? contents() else { return 0 }
        let idBytes = Data(participant.utf8)
        return AuditLog.parse(data).filter { line in
            line.entry.map { $0.participant == participant } ?? (line.raw.range(of: idBytes) != nil)
        }.count
    }

    // MARK: - Lines

    /// One line of the file: its bytes and, when it could be read, the entry.
    struct Line {
        var raw: Data
        var entry: AuditEntry?
    }

    static func parse(_ data: Data) -> [Line] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return data.split(separator: 0x0A).compactMap { slice in
            let raw = Data(slice)
            if raw.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x00 }) { return nil }
            return Line(raw: raw, entry: try? decoder.decode(AuditEntry.self, from: raw))
        }
    }

    static func encodeLine(_ entry: AuditEntry) throws -> Data { try RecordCodec.line(entry) }

    static func entry(_ action: AuditAction, participant: String?, by identity: Identity, at: Date) -> AuditEntry {
        func cut(_ text: String) -> String { String(text.prefix(maxNameLength)) }
        return AuditEntry(
            at: at, action: action, participant: participant, coach: cut(identity.coach),
            user: cut(identity.user), host: cut(identity.host))
    }

    /// True for `erased-<number>`.
    static func isMarker(_ text: String) -> Bool {
        guard text.hasPrefix("erased-") else { return false }
        let number = text.dropFirst("erased-".count)
        return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
    }

    /// `erased-N`, one more than the highest marker in the log.
    static func nextMarker(after entries: [AuditEntry]) -> String {
        let highest =
            entries.compactMap { entry -> Int? in
                guard let participant = entry.participant, isMarker(participant) else { return nil }
                return Int(participant.dropFirst("erased-".count))
            }.max() ?? 0
        return "erased-\(highest + 1)"
    }

    // MARK: - File

    private func withLock<T>(as identity: Identity, _ body: (ExclusiveLock) throws -> T) throws -> T {
        try AtomicFile.makeDirectory(store.locksDir)
        return try ExclusiveLock.with(path: lockPath, as: identity, timeout: lockTimeout, body)
    }

    /// The log's bytes (nil when there is none); a link or FIFO in its place is refused.
    private func contents() throws -> Data? {
        try DataFile.read(url, limit: RecordCodec.maxLogBytes)
    }

    /// Lines of the log that are cut off or cannot be read, named by line number.
    func problems() -> [RecordProblem] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return AppendOnlyFile.problems(in: url, file: store.relative(url)) { (try? decoder.decode(AuditEntry.self, from: $0)) != nil }
    }
}
