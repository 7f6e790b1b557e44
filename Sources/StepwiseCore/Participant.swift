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
    /// First day of the 26-week course.
    public var courseStart: Day
    /// The three mandatory one-to-one conversations.
    public var conversations: [Conversation]
    /// When and by whom the record was created.
    public var created: Stamp
    /// When and by whom it was last changed.
    public var updated: Stamp

    /// A new participant with the default conversations of the course frame.
    public init(id: String, name: String, language: String, courseStart: Day, by stamp: Stamp) {
        schemaVersion = Participant.currentSchemaVersion
        self.id = id
        self.name = name
        self.language = language
        self.courseStart = courseStart
        conversations = CourseFrame.defaultConversations(start: courseStart)
        created = stamp
        updated = stamp
    }

    /// The last day of the course.
    public var courseEnd: Day { CourseFrame.end(start: courseStart) }

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
