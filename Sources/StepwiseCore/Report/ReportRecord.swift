import Foundation

/// What the organisation report reads of a participant file: the course, the mandatory
/// conversations, who created it and which coaches held its sessions, the ratings and the
/// results. Read by `ReportRecordReader`, which builds only these fields and passes over the
/// plan, the notes, the journal, the contacts and the job search (most of a file's bytes);
/// the tallies (`ReportTally.add`) are made from this view whether it was read that way or
/// made from a whole `Participant` (`init(_:)`), so both give the same figures.
public struct ReportRecord: Equatable, Sendable {
    /// A mandatory conversation as the report counts it.
    public struct Conversation: Equatable, Sendable {
        public var planned: Day
        public var status: StepwiseCore.Conversation.Status
        public var statusChanged: Day?
    }

    /// One rating as the report uses it: its day, the scores (indicator id → 1…10) and the
    /// coach's belief.
    public struct Rating: Equatable, Sendable {
        public var day: Day
        public var scores: [String: Int]
        public var coachBelief: Int?
    }

    /// A result (at the end, or some months after it): its kind and, for a job, hours a week.
    public struct Result: Equatable, Sendable {
        public var kind: Outcome.Kind
        public var hoursPerWeek: Int?
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
    /// The result at the end of the course (`Participant.outcome`), if recorded.
    public var outcome: Result?
    /// Months after the end (`Outcome.laterMonths`) → the result then, where recorded.
    public var later: [Int: Result]

    /// The report's view of a whole participant.
    public init(_ participant: Participant) {
        schemaVersion = participant.schemaVersion
        id = participant.id
        language = participant.language
        courseStart = participant.courseStart
        courseEnd = participant.courseEnd
        conversations = participant.conversations.map { Conversation(planned: $0.planned, status: $0.status, statusChanged: $0.statusChanged) }
        createdBy = participant.created.by
        sessionCoaches = Set(participant.sessions.flatMap(\.present).compactMap { $0.role == .coach ? $0.name : nil })
        ratings = participant.ratings.map { Rating(day: $0.day, scores: $0.scores, coachBelief: $0.coachBelief) }
        outcome = participant.outcome.map { Result(kind: $0.kind, hoursPerWeek: $0.hoursPerWeek) }
        later = [:]
        for months in Outcome.laterMonths {
            if let result = participant.outcome?.later(months: months) { later[months] = Result(kind: result.kind, hoursPerWeek: result.hoursPerWeek) }
        }
    }

    /// A record read by `ReportRecordReader`.
    init(
        schemaVersion: Int, id: String, language: String, courseStart: Day, courseEnd: Day, conversations: [Conversation],
        createdBy: String, sessionCoaches: Set<String>, ratings: [Rating], outcome: Result?, later: [Int: Result]
    ) {
        self.schemaVersion = schemaVersion
        self.id = id
        self.language = language
        self.courseStart = courseStart
        self.courseEnd = courseEnd
        self.conversations = conversations
        self.createdBy = createdBy
        self.sessionCoaches = sessionCoaches
        self.ratings = ratings
        self.outcome = outcome
        self.later = later
    }
}

extension DataStore {
    /// Reads what the report needs of one participant file (`ReportRecord`). A sound file
    /// of the current schema version is read in one pass over its bytes (`ReportRecordReader`);
    /// any other (older, damaged, hostile, or beyond what that reader takes) is read as
    /// `loadParticipant` reads it, so that it is migrated, or refused with the same
    /// `RecordProblem`.
    /// - Throws: `RecordProblem` when the file cannot be read as a participant.
    public func loadReportRecord(_ id: String) throws -> ReportRecord {
        let url = try participantFile(id)
        let data = try read(url)
        if data.count <= RecordCodec.maxRecordBytes, let record = ReportRecordReader.read(data),
            record.schemaVersion == Participant.currentSchemaVersion, record.id == id, RecordID.isValid(record.id)
        {
            return record
        }
        return ReportRecord(try RecordCodec.participant(from: data, file: relative(url)))
    }
}
