import Foundation

/// A coached session: its kind, who was there, when, and what was agreed.
public struct CoachingSession: Codable, Equatable, Sendable {
    /// What kind of session it is.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case conversation1, conversation2, conversation3, followUp, internshipFollowUp, group

        /// The mandatory conversation it holds, if it is one.
        public var conversationNumber: Int? {
            switch self {
            case .conversation1: return 1
            case .conversation2: return 2
            case .conversation3: return 3
            default: return nil
            }
        }
    }

    public var id: String
    public var kind: Kind
    /// Who was present besides the citizen and the coach.
    public var present: [Presence]
    public var started: Stamp
    public var ended: Date?
    /// The agreements made, in the words they were written in.
    public var agreements: Words?
    public var next: Appointment?

    public init(id: String, kind: Kind, present: [Presence], started: Stamp) {
        self.id = id
        self.kind = kind
        self.present = present
        self.started = started
    }

    /// True while the session has not been ended.
    public var isOpen: Bool { ended == nil }
}

/// Someone present at a session.
public struct Presence: Codable, Equatable, Sendable {
    /// Their part in it.
    public enum Role: String, Codable, CaseIterable, Sendable { case citizen, coach, peer, employer, other }

    public var role: Role
    /// A name where one is given (an employer, another actor).
    public var name: String?

    public init(role: Role, name: String? = nil) {
        self.role = role
        self.name = name
    }
}

/// An agreed appointment: when, where, and who contacts whom.
public struct Appointment: Codable, Equatable, Sendable {
    public var day: Day
    /// Local time as `HH:MM`, if agreed.
    public var time: String?
    public var place: String
    /// Who contacts whom, in words ("I call Anna on Monday").
    public var contact: String
    /// The calendar SEQUENCE: one more at each change of day, time or place (see `CalendarIdentity`).
    public var sequence: Int
    /// When the day, time or place last changed (the calendar's LAST-MODIFIED), if it has.
    public var modified: Date?

    public init(day: Day, time: String?, place: String, contact: String) {
        self.day = day
        self.time = time
        self.place = place
        self.contact = contact
        sequence = 0
        modified = nil
    }

    private enum CodingKeys: String, CodingKey { case day, time, place, contact, sequence, modified }

    /// Reads an appointment; `sequence` and `modified` may be absent (0 and nil).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        day = try c.decode(Day.self, forKey: .day)
        time = try c.decodeIfPresent(String.self, forKey: .time)
        place = try c.decode(String.self, forKey: .place)
        contact = try c.decode(String.self, forKey: .contact)
        sequence = try c.decodeIfPresent(Int.self, forKey: .sequence) ?? 0
        modified = try c.decodeIfPresent(Date.self, forKey: .modified)
    }
}

extension Participant {
    /// The session not yet ended, if any.
    public var openSession: CoachingSession? { sessions.last { $0.isOpen } }

    /// The session in which mandatory conversation `number` was held, if it was held in one.
    public func session(ofConversation number: Int) -> CoachingSession? {
        sessions.last { $0.kind.conversationNumber == number }
    }

    /// Starts a session with the id `id`; a mandatory conversation is marked held on its day.
    public mutating func startSession(
        id: String = RecordID.generate(prefix: "x"), kind: CoachingSession.Kind, present: [Presence], stamp: Stamp, today: Day
    ) -> CoachingSession {
        let session = CoachingSession(id: id, kind: kind, present: present, started: stamp)
        sessions.append(session)
        if let number = kind.conversationNumber, let index = conversations.firstIndex(where: { $0.number == number }) {
            conversations[index].status = .held
            conversations[index].statusChanged = today
        }
        return session
    }

    /// Ends the open session with its agreements and the next appointment.
    public mutating func endSession(agreements: Words?, next: Appointment?, at moment: Date) {
        guard let index = sessions.lastIndex(where: { $0.isOpen }) else { return }
        sessions[index].ended = moment
        sessions[index].agreements = agreements
        sessions[index].next = next
    }

    /// The next agreed appointment on or after `today`, from the sessions.
    public func nextAppointment(from today: Day) -> Appointment? {
        sessions.compactMap(\.next).filter { $0.day >= today }.min { $0.day < $1.day }
    }
}
