import Foundation

/// Reads a participant file's `ReportRecord` straight from its bytes in one pass: the fields
/// the report uses are built, every other value is checked to be JSON (RFC 8259: its grammar,
/// string escapes and surrogate pairs, UTF-8, at most `RecordCodec.maxNesting` deep) and passed
/// over without being built. Foundation's `JSONDecoder` builds a container for every object
/// it decodes; with about a dozen ratings in a file that made the report four times slower.
///
/// It gives up (nil) on anything it does not take as the current schema writes it (an older
/// file, a duplicate field it reads, an escaped key, a number that is not a whole number, a
/// field it reads missing or of another type), and `DataStore.loadReportRecord` then reads
/// the file as `loadParticipant` does, which migrates it or names what is wrong.
enum ReportRecordReader {
    /// The report's view of a participant file; nil when the file must be read whole.
    static func read(_ data: Data) -> ReportRecord? {
        data.withUnsafeBytes { bytes in
            var cursor = JSONCursor(bytes)
            return try? cursor.record()
        }
    }
}

/// The report's fields, read by `JSONCursor` (see `JSONCursor.swift` for the JSON itself).
extension JSONCursor {
    mutating func record() throws -> ReportRecord {
        var schemaVersion: Int?, id: String?, name: String?, language: String?, courseStart: Day?, courseWeeks: Int?
        var conversations: [ReportRecord.Conversation]?, createdBy: String?, updated = false
        var coaches = Set<String>(), ratings: [ReportRecord.Rating] = [], outcome: (ReportRecord.Result, [Int: ReportRecord.Result])?
        var read = Set<String>()
        try members { cursor, key in
            guard Self.recordKeys.contains(key) else { return try cursor.skip() }
            guard read.insert(key).inserted else { throw Refused() }
            switch key {
            case "schemaVersion": schemaVersion = try cursor.int()
            case "id": id = try cursor.string()
            case "name": name = try cursor.string()
            case "language": language = try cursor.string()
            case "courseStart": courseStart = try cursor.day()
            case "courseWeeks": courseWeeks = try cursor.null() ? nil : cursor.int()
            case "conversations": conversations = try cursor.list { try $0.conversation() }
            case "created": createdBy = try cursor.stamp()
            case "updated": updated = try cursor.stamp() != nil
            case "sessions": if try !cursor.null() { _ = try cursor.list { try $0.sessionCoaches(into: &coaches) } }
            case "ratings": ratings = try cursor.null() ? [] : cursor.list { try $0.rating() }
            case "outcome": outcome = try cursor.null() ? nil : cursor.outcome()
            default: try cursor.skip()
            }
        }
        try end()
        guard let schemaVersion, let id, let name, let language, let courseStart, let conversations, let createdBy, updated,
            !name.trimmingCharacters(in: .whitespaces).isEmpty
        else { throw Refused() }
        let frame = try courseWeeks.map { weeks in
            guard let frame = CourseFrame(weeks: weeks, conversationWeeks: []) else { throw Refused() }
            return frame
        }
        return ReportRecord(
            schemaVersion: schemaVersion, id: id, language: language, courseStart: courseStart,
            courseEnd: (frame ?? .standard).end(start: courseStart), conversations: conversations, createdBy: createdBy,
            sessionCoaches: coaches, ratings: ratings, outcome: outcome?.0, later: outcome?.1 ?? [:])
    }

    private static let recordKeys: Set<String> = [
        "schemaVersion", "id", "name", "language", "courseStart", "courseWeeks", "conversations", "created", "updated", "sessions",
        "ratings", "outcome",
    ]

    /// A mandatory conversation (its number must be 1, 2 or 3, as `Validation` requires).
    private mutating func conversation() throws -> ReportRecord.Conversation {
        var number: Int?, planned: Day?, status: Conversation.Status?, changed: Day?
        try members { cursor, key in
            switch key {
            case "number": try Self.once(&number, cursor.int())
            case "planned": try Self.once(&planned, cursor.day())
            case "status": try Self.once(&status, Conversation.Status(rawValue: try cursor.string()))
            case "statusChanged": try Self.once(&changed, cursor.null() ? nil : cursor.day())
            case "time", "modified": if try !cursor.null() { _ = try cursor.string() }
            case "sequence": if try !cursor.null() { _ = try cursor.int() }
            case "earlierDates": if try !cursor.null() { _ = try cursor.list { try $0.day() } }
            default: try cursor.skip()
            }
        }
        guard let number, (1...3).contains(number), let planned, let status else { throw Refused() }
        return ReportRecord.Conversation(planned: planned, status: status, statusChanged: changed)
    }

    /// Who made a change (a stamp's `by`; its `at` must be there).
    private mutating func stamp() throws -> String? {
        var by: String?, at: String?
        try members { cursor, key in
            switch key {
            case "by": try Self.once(&by, cursor.string())
            case "at": try Self.once(&at, cursor.string())
            default: try cursor.skip()
            }
        }
        guard let by, at != nil else { throw Refused() }
        return by
    }

    /// Adds the names of the coaches present at a session.
    private mutating func sessionCoaches(into coaches: inout Set<String>) throws {
        var present: [(Presence.Role, String?)]?
        try members { cursor, key in
            guard key == "present" else { return try cursor.skip() }
            guard present == nil else { throw Refused() }
            present = try cursor.list { item in
                var role: Presence.Role?, name: String?
                try item.members { cursor, key in
                    switch key {
                    case "role": try Self.once(&role, Presence.Role(rawValue: try cursor.string()))
                    case "name": try Self.once(&name, cursor.null() ? nil : cursor.string())
                    default: try cursor.skip()
                    }
                }
                guard let role else { throw Refused() }
                return (role, name)
            }
        }
        guard let present else { throw Refused() }
        for case (.coach, let name?) in present { coaches.insert(name) }
    }

    private mutating func rating() throws -> ReportRecord.Rating {
        var day: Day?, scores: [String: Int]?, belief: Int?, stamp = false
        try members { cursor, key in
            switch key {
            case "day": try Self.once(&day, cursor.day())
            case "scores":
                var read: [String: Int] = [:]
                try cursor.members { cursor, indicator in
                    guard read.updateValue(try cursor.int(), forKey: indicator) == nil else { throw Refused() }
                }
                try Self.once(&scores, read)
            case "coachBelief": try Self.once(&belief, cursor.null() ? nil : cursor.int())
            case "stamp":
                guard !stamp else { throw Refused() }
                stamp = try cursor.stamp() != nil
            case "sessionId": if try !cursor.null() { _ = try cursor.string() }
            default: try cursor.skip()
            }
        }
        guard let day, let scores, stamp else { throw Refused() }
        return ReportRecord.Rating(day: day, scores: scores, coachBelief: belief)
    }

    /// The result at the end and those recorded some months after it.
    private mutating func outcome() throws -> (ReportRecord.Result, [Int: ReportRecord.Result]) {
        var kind: Outcome.Kind?, hours: Int?, text: String?, day: Day?, later: [Int: ReportRecord.Result] = [:]
        try members { cursor, key in
            switch key {
            case "kind": try Self.once(&kind, Outcome.Kind(rawValue: try cursor.string()))
            case "hoursPerWeek": try Self.once(&hours, cursor.null() ? nil : cursor.int())
            case "text": try Self.once(&text, cursor.string())
            case "day": try Self.once(&day, cursor.day())
            case "after3Months", "after6Months":
                guard try !cursor.null() else { return }
                guard later.updateValue(try cursor.later(), forKey: key == "after3Months" ? 3 : 6) == nil else { throw Refused() }
            default: try cursor.skip()
            }
        }
        guard let kind, text != nil, day != nil else { throw Refused() }
        return (ReportRecord.Result(kind: kind, hoursPerWeek: hours), later)
    }

    /// Sets a field read from an object, refusing one given twice (which value a decoder
    /// keeps is its own choice).
    private static func once<T>(_ field: inout T?, _ value: T?) throws {
        guard field == nil else { throw Refused() }
        field = value
    }

    /// A result some months after the end (its day recorded must be there).
    private mutating func later() throws -> ReportRecord.Result {
        var kind: Outcome.Kind?, hours: Int?, recorded: Day?
        try members { cursor, key in
            switch key {
            case "kind": try Self.once(&kind, Outcome.Kind(rawValue: try cursor.string()))
            case "hoursPerWeek": try Self.once(&hours, cursor.null() ? nil : cursor.int())
            case "recorded": try Self.once(&recorded, cursor.day())
            default: try cursor.skip()
            }
        }
        guard let kind, recorded != nil else { throw Refused() }
        return ReportRecord.Result(kind: kind, hoursPerWeek: hours)
    }

    mutating func day() throws -> Day {
        guard let day = Day(iso: try string()) else { throw Refused() }
        return day
    }
}
