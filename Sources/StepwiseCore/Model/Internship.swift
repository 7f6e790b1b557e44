import Foundation

/// The placement details of an internship or work trial: the employer and contact person,
/// the period and hours, the tasks, the accommodations agreed, and the follow-up meetings.
public struct Internship: Codable, Equatable, Sendable {
    /// The company or workplace.
    public var employer: String
    /// The person at the workplace to call.
    public var contact: ContactPerson
    /// First day of the placement.
    public var start: Day?
    /// Last day of the placement.
    public var end: Day?
    /// Agreed hours per week (may be a fraction, e.g. 18.5).
    public var hoursPerWeek: Double?
    /// What the participant will do, in plain words.
    public var tasks: String
    /// The adjustments agreed with the employer.
    public var accommodations: Accommodations
    /// Follow-up meetings with the participant and the employer, in date order.
    public var followUps: [FollowUpMeeting]

    public init(
        employer: String = "", contact: ContactPerson = ContactPerson(), start: Day? = nil, end: Day? = nil,
        hoursPerWeek: Double? = nil, tasks: String = "", accommodations: Accommodations = Accommodations(),
        followUps: [FollowUpMeeting] = []
    ) {
        self.employer = employer
        self.contact = contact
        self.start = start
        self.end = end
        self.hoursPerWeek = hoursPerWeek
        self.tasks = tasks
        self.accommodations = accommodations
        self.followUps = followUps
    }

    private enum CodingKeys: String, CodingKey {
        case employer, contact, start, end, hoursPerWeek, tasks, accommodations, followUps
    }

    /// Reads the details; any field may be absent and takes its empty default.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        employer = try c.decodeIfPresent(String.self, forKey: .employer) ?? ""
        contact = try c.decodeIfPresent(ContactPerson.self, forKey: .contact) ?? ContactPerson()
        start = try c.decodeIfPresent(Day.self, forKey: .start)
        end = try c.decodeIfPresent(Day.self, forKey: .end)
        hoursPerWeek = try c.decodeIfPresent(Double.self, forKey: .hoursPerWeek)
        tasks = try c.decodeIfPresent(String.self, forKey: .tasks) ?? ""
        accommodations = try c.decodeIfPresent(Accommodations.self, forKey: .accommodations) ?? Accommodations()
        followUps = try c.decodeIfPresent([FollowUpMeeting].self, forKey: .followUps) ?? []
    }
}

/// A contact person at a workplace.
public struct ContactPerson: Codable, Equatable, Sendable {
    public var name: String
    public var phone: String
    public var email: String

    public init(name: String = "", phone: String = "", email: String = "") {
        self.name = name
        self.phone = phone
        self.email = email
    }

    private enum CodingKeys: String, CodingKey { case name, phone, email }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        phone = try c.decodeIfPresent(String.self, forKey: .phone) ?? ""
        email = try c.decodeIfPresent(String.self, forKey: .email) ?? ""
    }

    /// True when nothing is filled in.
    public var isEmpty: Bool { name.isEmpty && phone.isEmpty && email.isEmpty }
}

/// The adjustments (tilpasninger, anpassningar, Anpassungen) agreed for a placement.
public struct Accommodations: Codable, Equatable, Sendable {
    public var shorterDays: Bool
    public var moreBreaks: Bool
    /// The named mentor at the workplace; empty when none is agreed.
    public var mentor: String
    public var quietWorkplace: Bool
    /// Anything else agreed, in the citizen's and employer's own words.
    public var other: String

    public init(
        shorterDays: Bool = false, moreBreaks: Bool = false, mentor: String = "", quietWorkplace: Bool = false,
        other: String = ""
    ) {
        self.shorterDays = shorterDays
        self.moreBreaks = moreBreaks
        self.mentor = mentor
        self.quietWorkplace = quietWorkplace
        self.other = other
    }

    private enum CodingKeys: String, CodingKey { case shorterDays, moreBreaks, mentor, quietWorkplace, other }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        shorterDays = try c.decodeIfPresent(Bool.self, forKey: .shorterDays) ?? false
        moreBreaks = try c.decodeIfPresent(Bool.self, forKey: .moreBreaks) ?? false
        mentor = try c.decodeIfPresent(String.self, forKey: .mentor) ?? ""
        quietWorkplace = try c.decodeIfPresent(Bool.self, forKey: .quietWorkplace) ?? false
        other = try c.decodeIfPresent(String.self, forKey: .other) ?? ""
    }

    /// True when nothing is agreed.
    public var isEmpty: Bool { !shorterDays && !moreBreaks && mentor.isEmpty && !quietWorkplace && other.isEmpty }
}

/// A follow-up meeting during a placement, with the participant, the employer or both.
public struct FollowUpMeeting: Codable, Equatable, Sendable {
    /// Planned, or held.
    public enum Status: String, Codable, CaseIterable, Sendable { case planned, held }

    /// Names the meeting for its whole life (the calendar UID is
    /// `<offerId>-followup-<id>@stepwise`): `YYYYMMDD` of the day it was first planned for.
    public var id: String
    public var day: Day
    public var status: Status
    public var withParticipant: Bool
    public var withEmployer: Bool
    /// What was agreed or observed.
    public var notes: String
    /// The calendar SEQUENCE: one more at each change of day or status (see `CalendarIdentity`).
    public var sequence: Int
    /// When the day or status last changed (the calendar's LAST-MODIFIED), if it has.
    public var modified: Date?

    public init(
        day: Day, status: Status = .planned, withParticipant: Bool = true, withEmployer: Bool = true,
        notes: String = ""
    ) {
        id = ICalendar.date(day)
        self.day = day
        self.status = status
        self.withParticipant = withParticipant
        self.withEmployer = withEmployer
        self.notes = notes
        sequence = 0
        modified = nil
    }

    private enum CodingKeys: String, CodingKey { case id, day, status, withParticipant, withEmployer, notes, sequence, modified }

    /// Reads a meeting; fields other than the day may be absent (a meeting written without an
    /// id gets `YYYYMMDD` of its day, as it was then first planned for all the program knew).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        day = try c.decode(Day.self, forKey: .day)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ICalendar.date(day)
        sequence = try c.decodeIfPresent(Int.self, forKey: .sequence) ?? 0
        modified = try c.decodeIfPresent(Date.self, forKey: .modified)
        status = try c.decodeIfPresent(Status.self, forKey: .status) ?? .planned
        withParticipant = try c.decodeIfPresent(Bool.self, forKey: .withParticipant) ?? true
        withEmployer = try c.decodeIfPresent(Bool.self, forKey: .withEmployer) ?? true
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
    }
}
