import Foundation

/// Support that goes on after a job or an education starts, or through a hard transition
/// (a move, a discharge): a rhythm of contacts agreed by the citizen and coach, and the
/// contacts held. Modelled on IPS follow-along support (time-unlimited, agreed with the
/// citizen) and on critical time intervention, whose support is most intense in the first
/// weeks and then thins out (`/work/shared/DOMAIN.md`; seed documents 001 and 002).
public struct FollowAlong: Codable, Equatable, Sendable {
    /// What the support follows.
    public enum Reason: String, Codable, CaseIterable, Sendable {
        case job, education
        /// Intensified support in a transition (a move, a discharge, a new service).
        case transition
    }

    public var reason: Reason
    /// The day the job, education or transition started (the first week counts from it).
    public var start: Day
    /// What started, in the citizen's words ("Bageriet Ørsted, 15 hours a week").
    public var what: String
    /// Weeks from `start` with a contact every week (0 or more).
    public var weeklyWeeks: Int
    /// Afterwards, a contact every so many weeks (1 or more; 4 is about monthly).
    public var thenEveryWeeks: Int
    /// The last day of the support as agreed; nil while it has no end (IPS: time-unlimited).
    public var until: Day?
    /// Contacts held, in the order recorded.
    public var contacts: [FollowAlongContact]
    /// When and by whom the rhythm was last saved.
    public var written: Stamp

    /// The rhythm suggested when support starts: weekly in the first month, then monthly.
    public static let suggestedWeeklyWeeks = 4
    public static let suggestedEveryWeeks = 4

    public init(
        reason: Reason, start: Day, what: String, weeklyWeeks: Int = FollowAlong.suggestedWeeklyWeeks,
        thenEveryWeeks: Int = FollowAlong.suggestedEveryWeeks, until: Day? = nil, contacts: [FollowAlongContact] = [],
        written: Stamp
    ) {
        self.reason = reason
        self.start = start
        self.what = what
        self.weeklyWeeks = max(0, weeklyWeeks)
        self.thenEveryWeeks = max(1, thenEveryWeeks)
        self.until = until
        self.contacts = contacts
        self.written = written
    }

    private enum CodingKeys: String, CodingKey { case reason, start, what, weeklyWeeks, thenEveryWeeks, until, contacts, written }

    /// Reads a follow-along plan; the contacts may be absent and start empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reason = try c.decode(Reason.self, forKey: .reason)
        start = try c.decode(Day.self, forKey: .start)
        what = try c.decode(String.self, forKey: .what)
        weeklyWeeks = try c.decode(Int.self, forKey: .weeklyWeeks)
        thenEveryWeeks = try c.decode(Int.self, forKey: .thenEveryWeeks)
        until = try c.decodeIfPresent(Day.self, forKey: .until)
        contacts = try c.decodeIfPresent([FollowAlongContact].self, forKey: .contacts) ?? []
        written = try c.decode(Stamp.self, forKey: .written)
    }

    /// The last contact held (the latest by day), if any.
    public var lastContact: FollowAlongContact? { contacts.max { $0.day < $1.day } }

    /// The day the next contact is due: the next day agreed at the last contact, or else one
    /// interval after the last contact (the start when none): a week while the weekly weeks
    /// last, then `thenEveryWeeks` weeks. Nil when the support has ended by then (`until`).
    public var nextDue: Day? {
        let due: Day
        if let last = lastContact, let agreed = last.next {
            due = agreed
        } else {
            let from = lastContact?.day ?? start
            let weekly = start.days(to: from) < weeklyWeeks * 7
            due = from.adding(days: weekly ? 7 : thenEveryWeeks * 7)
        }
        if let until, due > until { return nil }
        return due
    }
}

/// One follow-along contact, recorded like an internship's follow-up meeting.
public struct FollowAlongContact: Codable, Equatable, Sendable {
    /// Generated id such as `f-7k2mqx4d`.
    public var id: String
    public var day: Day
    /// Who the contact was with ("Søren and his manager Lise"), in the coach's words.
    public var with: String
    /// What was said, in the writer's words (the citizen's, unless the coach is writing).
    public var said: Words
    /// The next contact as agreed; nil to follow the rhythm.
    public var next: Day?

    public init(id: String, day: Day, with: String, said: Words, next: Day?) {
        self.id = id
        self.day = day
        self.with = with
        self.said = said
        self.next = next
    }
}

extension FollowAlong {
    /// The rhythm in words: "every week for the first 4 weeks, then every 4 weeks, for as long
    /// as wanted" (strings `follow.weekly.*`, `follow.then.*`, `follow.every.*`, `follow.until`, `follow.noEnd`).
    public func rhythm(strings s: Localizer) -> String {
        var parts: [String] = []
        if weeklyWeeks > 0 {
            parts.append(s("follow.weekly", count: weeklyWeeks))
        }
        let every = weeklyWeeks > 0 ? "follow.then" : "follow.every"
        parts.append(s(every, count: thenEveryWeeks))
        parts.append(until.map { s("follow.until", ["date": s.shortDate($0)]) } ?? s("follow.noEnd"))
        return parts.joined(separator: ", ")
    }
}

extension Participant {
    /// What the outcome or a milestone says has started, if anything: a job or an education,
    /// with its day. The outcome comes first; then the latest "job or education started" milestone.
    public var startedJobOrEducation: (reason: FollowAlong.Reason, day: Day, text: String)? {
        if let outcome, outcome.kind == .job || outcome.kind == .education {
            return (outcome.kind == .job ? .job : .education, outcome.day, outcome.text)
        }
        guard let milestone = milestones.filter({ $0.kind == .jobOrEducationStarted }).max(by: { $0.day < $1.day }) else { return nil }
        return (.job, milestone.day, milestone.text)
    }

    /// Starts follow-along support, or saves a change to its rhythm (its contacts stay).
    public mutating func writeFollowAlong(
        reason: FollowAlong.Reason, start: Day, what: String, weeklyWeeks: Int, thenEveryWeeks: Int, until: Day?, stamp: Stamp
    ) {
        followAlong = FollowAlong(
            reason: reason, start: start, what: what, weeklyWeeks: weeklyWeeks, thenEveryWeeks: thenEveryWeeks, until: until,
            contacts: followAlong?.contacts ?? [], written: stamp)
    }

    /// Records a follow-along contact. Does nothing when there is no follow-along support.
    public mutating func addFollowAlongContact(_ contact: FollowAlongContact) {
        followAlong?.contacts.append(contact)
    }
}
