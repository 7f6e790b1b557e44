import Foundation

/// What the organisation report reads of a participant file: the course, the mandatory
/// conversations, who created it and which coaches held its sessions, the ratings and the
/// outcome. Decoded with its own coding keys, so that the plan, the notes, the journal, the
/// contacts and the job search (most of a file's bytes) are only scanned, never built; the
/// tallies (`ReportTally.add`) are made from this view whether it was read this way or made
/// from a whole `Participant` (`init(_:)`), so both give the same figures.
public struct ReportRecord: Equatable, Sendable {
    /// One rating as the report uses it: its day, the scores (indicator id → 1…10) and the
    /// coach's belief.
    public struct Rating: Equatable, Sendable, Decodable {
        public var day: Day
        public var scores: [String: Int]
        public var coachBelief: Int?
    }

    public var schemaVersion: Int
    public var id: String
    public var language: String
    public var courseStart: Day
    /// The last day of the course (`Participant.courseEnd`).
    public var courseEnd: Day
    public var conversations: [Conversation]
    /// The coach who created the record.
    public var createdBy: String
    /// Names of the coaches present at any of its sessions.
    public var sessionCoaches: Set<String>
    /// Oldest first.
    public var ratings: [Rating]
    public var outcome: Outcome?

    /// The report's view of a whole participant.
    public init(_ participant: Participant) {
        schemaVersion = participant.schemaVersion
        id = participant.id
        language = participant.language
        courseStart = participant.courseStart
        courseEnd = participant.courseEnd
        conversations = participant.conversations
        createdBy = participant.created.by
        sessionCoaches = ReportRecord.coaches(participant.sessions.map(\.present))
        ratings = participant.ratings.map { Rating(day: $0.day, scores: $0.scores, coachBelief: $0.coachBelief) }
        outcome = participant.outcome
    }

    private static func coaches(_ present: [[Presence]]) -> Set<String> {
        Set(present.joined().compactMap { $0.role == .coach ? $0.name : nil })
    }
}

extension ReportRecord: Decodable {
    /// The keys read; the other keys of a participant file are skipped.
    private enum CodingKeys: String, CodingKey {
        case schemaVersion, id, name, language, courseStart, courseWeeks, conversations, created, updated, sessions, ratings, outcome
    }

    /// A session as the report reads it: who was present.
    private struct Session: Decodable {
        var present: [Presence]
    }

    /// Reads the fields the report uses, with the same requirements as `Participant`'s
    /// decoder for them (the name and `updated` are read only because a participant without
    /// them cannot be read); throws `DecodingError` where that decoder would for these fields,
    /// and when the name is empty (as `Validation.check` refuses it).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        id = try c.decode(String.self, forKey: .id)
        guard !(try c.decode(String.self, forKey: .name)).trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .name, in: c, debugDescription: "is empty")
        }
        language = try c.decode(String.self, forKey: .language)
        courseStart = try c.decode(Day.self, forKey: .courseStart)
        let frame = try c.decodeIfPresent(Int.self, forKey: .courseWeeks).flatMap { CourseFrame(weeks: $0, conversationWeeks: []) }
        courseEnd = (frame ?? .standard).end(start: courseStart)
        conversations = try c.decode([Conversation].self, forKey: .conversations)
        createdBy = try c.decode(Stamp.self, forKey: .created).by
        _ = try c.decode(Stamp.self, forKey: .updated)
        sessionCoaches = ReportRecord.coaches(try c.decodeIfPresent([Session].self, forKey: .sessions)?.map(\.present) ?? [])
        ratings = try c.decodeIfPresent([Rating].self, forKey: .ratings) ?? []
        outcome = try c.decodeIfPresent(Outcome.self, forKey: .outcome)
    }
}

extension DataStore {
    /// Reads what the report needs of one participant file (`ReportRecord`). A file of the
    /// current schema version whose report fields are sound is read in one pass over its
    /// bytes; any other (older, damaged, hostile) is read as `loadParticipant` reads it, so
    /// that it is migrated, or refused with the same `RecordProblem`.
    public func loadReportRecord(_ id: String) throws -> ReportRecord {
        let url = try participantFile(id)
        let data = try read(url)
        if data.count <= RecordCodec.maxRecordBytes, RecordCodec.nestedDeeperThan(RecordCodec.maxNesting, data) == nil,
            let record = try? ReportRecord.decoder.decode(ReportRecord.self, from: data),
            record.schemaVersion == Participant.currentSchemaVersion, record.id == id, RecordID.isValid(record.id),
            record.conversations.allSatisfy({ (1...3).contains($0.number) })
        {
            return record
        }
        return ReportRecord(try RecordCodec.participant(from: data, file: relative(url)))
    }
}

extension ReportRecord {
    /// The decoder of report records (dates as in every record, ISO 8601).
    fileprivate static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
