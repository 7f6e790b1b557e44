import Foundation

/// Who wrote a piece of text.
public enum Author: String, Codable, CaseIterable, Sendable {
    case citizen, coach, peer
}

/// A piece of text with who wrote it and when: the citizen's own words are kept as theirs.
public struct Words: Codable, Equatable, Sendable {
    public var text: String
    public var author: Author
    /// The name of the person at the keyboard (the coach's name for coach and peer text).
    public var by: String
    public var at: Date
    /// The coach at the keyboard when the words are the citizen's (`STEPWISE_COACH`), so that
    /// the record names both; nil for the coach's and a peer worker's words (`by` names the
    /// coach then) and in words kept before it was recorded.
    public var via: String?

    public init(_ text: String, author: Author, by: String, at: Date, via: String? = nil) {
        self.text = text
        self.author = author
        self.by = by
        self.at = at
        self.via = via
    }
}

/// The citizen's action plan: who they are, their goals and steps, and their approvals.
public struct Plan: Codable, Equatable, Sendable {
    /// Counts saved changes; each saved version is kept in the history.
    public var version: Int = 0
    /// The intake, "who are you, and what can you do?", keyed by `AboutMe` topic.
    public var aboutMe: [String: Words] = [:]
    public var goals: [Goal] = []
    /// The citizen's approvals of the plan at conversations.
    public var approvals: [Approval] = []

    public init() {}

    /// The goal with an id, if any.
    public func goal(_ id: String) -> Goal? { goals.first { $0.id == id } }
}

/// The topics of "about me", in the order the plan shows them.
public enum AboutMe: String, CaseIterable, Sendable {
    case goodAt, matters, inTheWay, supportWanted, supportNotWanted
}

/// What a goal is about.
public enum GoalKind: String, Codable, CaseIterable, Sendable {
    case job, education, health, everyday, other
}

/// A goal in the citizen's words, with the steps toward it.
public struct Goal: Codable, Equatable, Sendable {
    public var id: String
    public var kind: GoalKind
    public var text: Words
    /// Proposed by someone other than the citizen and not yet accepted by them.
    public var isSuggestion: Bool
    /// When the citizen accepted a suggestion.
    public var accepted: Stamp?
    public var dropped: Day?
    /// Why the citizen turned the suggestion down, when they did (in the writer's words).
    public var rejection: Words?
    public var steps: [Step]

    public init(id: String, kind: GoalKind, text: Words) {
        self.id = id
        self.kind = kind
        self.text = text
        isSuggestion = text.author != .citizen
        steps = []
    }
}

/// Who does a step.
public enum Doer: Equatable, Sendable {
    case me, coach, peer
    /// Another named person or actor.
    case other(String)
}

extension Doer: Codable {
    private enum CodingKeys: String, CodingKey { case role, name }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .role) {
        case "me": self = .me
        case "coach": self = .coach
        case "peer": self = .peer
        case "other": self = .other(try c.decode(String.self, forKey: .name))
        default:
            throw DecodingError.dataCorruptedError(forKey: .role, in: c, debugDescription: ProblemReason.expectedRole.english)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .me: try c.encode("me", forKey: .role)
        case .coach: try c.encode("coach", forKey: .role)
        case .peer: try c.encode("peer", forKey: .role)
        case .other(let name):
            try c.encode("other", forKey: .role)
            try c.encode(name, forKey: .name)
        }
    }
}

/// A step toward a goal.
public struct Step: Codable, Equatable, Sendable {
    /// Where a step stands.
    public enum Status: String, Codable, CaseIterable, Sendable { case planned, doing, done, dropped }

    public var id: String
    public var text: Words
    public var who: Doer
    public var due: Day?
    public var status: Status
    /// When the status last changed.
    public var statusChanged: Day
    /// The booked offer that serves this step, if any.
    public var offerId: String?
    public var isSuggestion: Bool
    public var accepted: Stamp?
    /// Why the citizen turned the suggestion down, when they did (in the writer's words).
    public var rejection: Words?

    public init(id: String, text: Words, who: Doer, due: Day?, status: Status = .planned, on day: Day) {
        self.id = id
        self.text = text
        self.who = who
        self.due = due
        self.status = status
        statusChanged = day
        isSuggestion = text.author != .citizen
    }
}

/// The citizen's approval of the plan as it stood in one version.
public struct Approval: Codable, Equatable, Sendable {
    public var day: Day
    public var version: Int
    /// The mandatory conversation it was given at, if any.
    public var conversation: Int?
    public var stamp: Stamp

    public init(day: Day, version: Int, conversation: Int?, stamp: Stamp) {
        self.day = day
        self.version = version
        self.conversation = conversation
        self.stamp = stamp
    }
}
