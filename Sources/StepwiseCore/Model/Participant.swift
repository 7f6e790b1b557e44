import Foundation

/// One citizen's record: who they are, their course and, as the other parts land, their plan.
public struct Participant: Codable, Equatable, Sendable {
    /// The schema version this build writes.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Generated id; also the file name (`participants/<id>.json`).
    public var id: String
    /// The name the citizen wants to be called by.
    public var name: String
    /// The citizen's language code (`en`, `da`, …), used for the printed summary.
    public var language: String
    /// First day of the course.
    public var courseStart: Day
    /// Weeks of the course when it is not the standard 26 (nil: 26, as in every record
    /// written before the course length could be configured).
    public var courseWeeks: Int?
    /// The three mandatory one-to-one conversations.
    public var conversations: [Conversation]
    /// When and by whom the record was created.
    public var created: Stamp
    /// When and by whom it was last changed.
    public var updated: Stamp
    /// Things that happened to the record outside the plan's own text, newest last:
    /// bookings, moves from a waitlist, cancelled offers. Shown to the citizen.
    public var journal: [JournalEntry]
    /// The citizen's action plan.
    public var plan: Plan
    /// Coached sessions, oldest first.
    public var sessions: [CoachingSession]
    /// Progress notes, oldest first.
    public var notes: [ProgressNote]
    /// Ratings of the progress indicators, oldest first.
    public var ratings: [Rating]
    public var milestones: [Milestone]
    /// The other actors in the citizen's life.
    public var contacts: [Contact]
    public var outcome: Outcome?
    /// The citizen's job search: the agreement, applications and interviews.
    public var jobSearch: JobSearch
    /// The participant's own placements in internships, keyed by the offer's id (see `Placement`).
    public var placements: [String: Placement]
    /// Support after a job or education started, or through a transition; nil until started.
    public var followAlong: FollowAlong?

    /// A new participant with a course in `frame` (the organisation's, see `Settings.courseFrame`).
    public init(id: String, name: String, language: String, courseStart: Day, frame: CourseFrame = .standard, by stamp: Stamp) {
        schemaVersion = Participant.currentSchemaVersion
        self.id = id
        self.name = name
        self.language = language
        self.courseStart = courseStart
        courseWeeks = frame.weeks == CourseFrame.standard.weeks ? nil : frame.weeks
        conversations = frame.conversations(start: courseStart)
        created = stamp
        updated = stamp
        journal = []
        plan = Plan()
        sessions = []
        notes = []
        ratings = []
        milestones = []
        contacts = []
        jobSearch = JobSearch()
        placements = [:]
    }

    /// The length of the course (its conversations are the record's own, in `conversations`).
    public var courseFrame: CourseFrame {
        courseWeeks.flatMap { CourseFrame(weeks: $0, conversationWeeks: []) } ?? .standard
    }

    /// The last day of the course.
    public var courseEnd: Day { courseFrame.end(start: courseStart) }

    /// The next mandatory conversation still to be held.
    public var nextConversation: Conversation? { CourseFrame.nextConversation(conversations) }
}

/// Who did something, and when.
public struct Stamp: Codable, Equatable, Sendable {
    /// The coach's name as set for this terminal.
    public var by: String
    public var at: Date

    public init(by: String, at: Date) {
        self.by = by
        self.at = at
    }
}

extension Participant {
    private enum CodingKeys: String, CodingKey {
        case schemaVersion, id, name, language, courseStart, courseWeeks, conversations, created, updated, journal, plan
        case sessions, notes, ratings, milestones, contacts, outcome, jobSearch, followAlong
        case placements
    }

    /// The decoder's `userInfo` key that, set to true, leaves `notes` and `ratings` empty:
    /// the first screen of an opened record (the plan tab and the header) shows neither, and
    /// they are nine tenths of a large record (see `RecordCodec.participantFirstScreen`).
    static let firstScreenOnly = CodingUserInfoKey(rawValue: "stepwise.participant.firstScreenOnly")

    /// Reads a participant; lists added after schema version 1 may be absent and start empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        language = try c.decode(String.self, forKey: .language)
        courseStart = try c.decode(Day.self, forKey: .courseStart)
        courseWeeks = try c.decodeIfPresent(Int.self, forKey: .courseWeeks)
        conversations = try c.decode([Conversation].self, forKey: .conversations)
        created = try c.decode(Stamp.self, forKey: .created)
        updated = try c.decode(Stamp.self, forKey: .updated)
        journal = try c.decodeIfPresent([JournalEntry].self, forKey: .journal) ?? []
        plan = try c.decodeIfPresent(Plan.self, forKey: .plan) ?? Plan()
        sessions = try c.decodeIfPresent([CoachingSession].self, forKey: .sessions) ?? []
        let firstScreenOnly = Participant.firstScreenOnly.flatMap { decoder.userInfo[$0] as? Bool } == true
        notes = firstScreenOnly ? [] : try c.decodeIfPresent([ProgressNote].self, forKey: .notes) ?? []
        ratings = firstScreenOnly ? [] : try c.decodeIfPresent([Rating].self, forKey: .ratings) ?? []
        milestones = try c.decodeIfPresent([Milestone].self, forKey: .milestones) ?? []
        contacts = try c.decodeIfPresent([Contact].self, forKey: .contacts) ?? []
        outcome = try c.decodeIfPresent(Outcome.self, forKey: .outcome)
        jobSearch = try c.decodeIfPresent(JobSearch.self, forKey: .jobSearch) ?? JobSearch()
        placements = try c.decodeIfPresent([String: Placement].self, forKey: .placements) ?? [:]
        followAlong = try c.decodeIfPresent(FollowAlong.self, forKey: .followAlong)
    }
}

/// One event in a participant's journal.
public struct JournalEntry: Codable, Equatable, Sendable {
    /// What happened.
    public enum Kind: String, Codable, Sendable {
        case booked, waitlisted, promoted, unbooked, offerCancelled
    }

    public var kind: Kind
    /// The offer it concerns, if any.
    public var offerId: String?
    /// The offer's title at the time (the offer may later be removed).
    public var offerTitle: String?
    public var stamp: Stamp

    public init(kind: Kind, offerId: String?, offerTitle: String?, stamp: Stamp) {
        self.kind = kind
        self.offerId = offerId
        self.offerTitle = offerTitle
        self.stamp = stamp
    }
}
