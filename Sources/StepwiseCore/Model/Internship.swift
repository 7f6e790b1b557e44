import Foundation

/// What an internship or work trial offer is for everyone placed there: the employer, the
/// contact person at the workplace, the period offered, the usual hours and the tasks. What is
/// agreed for one participant (their own period and hours, adjustments, follow-up meetings)
/// is a `Placement` in that participant's record, never here.
public struct Internship: Codable, Equatable, Sendable {
    /// The company or workplace.
    public var employer: String
    /// The person at the workplace to call.
    public var contact: ContactPerson
    /// First day of the period offered.
    public var start: Day?
    /// Last day of the period offered.
    public var end: Day?
    /// The usual hours per week offered (may be a fraction, e.g. 18.5); a participant's own
    /// hours are in their `Placement`.
    public var hoursPerWeek: Double?
    /// What a participant will do, in plain words.
    public var tasks: String
    /// Adjustments and follow-up meetings that offer files written before placements were
    /// kept per participant hold in `accommodations` and `followUps`, read only to be moved
    /// to the one participant they were agreed for (`PlacementMigration`) and written back
    /// unchanged until then. Never shown, listed or exported.
    var unmoved: UnmovedPlacement?

    public init(
        employer: String = "", contact: ContactPerson = ContactPerson(), start: Day? = nil, end: Day? = nil,
        hoursPerWeek: Double? = nil, tasks: String = ""
    ) {
        self.employer = employer
        self.contact = contact
        self.start = start
        self.end = end
        self.hoursPerWeek = hoursPerWeek
        self.tasks = tasks
        unmoved = nil
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
        let old = UnmovedPlacement(
            accommodations: try c.decodeIfPresent(Accommodations.self, forKey: .accommodations) ?? Accommodations(),
            followUps: try c.decodeIfPresent([FollowUpMeeting].self, forKey: .followUps) ?? [])
        unmoved = old.isEmpty ? nil : old
    }

    /// Writes the details (and, until they are moved, the adjustments and meetings of an older
    /// file under their old names).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(employer, forKey: .employer)
        try c.encode(contact, forKey: .contact)
        try c.encodeIfPresent(start, forKey: .start)
        try c.encodeIfPresent(end, forKey: .end)
        try c.encodeIfPresent(hoursPerWeek, forKey: .hoursPerWeek)
        try c.encode(tasks, forKey: .tasks)
        guard let unmoved else { return }
        if !unmoved.accommodations.isEmpty { try c.encode(unmoved.accommodations, forKey: .accommodations) }
        if !unmoved.followUps.isEmpty { try c.encode(unmoved.followUps, forKey: .followUps) }
    }
}

/// The adjustments and follow-up meetings an older offer file holds for the whole offer.
struct UnmovedPlacement: Equatable, Sendable {
    var accommodations: Accommodations
    var followUps: [FollowUpMeeting]

    var isEmpty: Bool { accommodations.isEmpty && followUps.isEmpty }

    /// The offer file's fields that hold something (`internship.accommodations`, `internship.followUps`).
    var fields: [String] {
        (accommodations.isEmpty ? [] : ["internship.accommodations"]) + (followUps.isEmpty ? [] : ["internship.followUps"])
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
