import Foundation

/// Another actor in the citizen's life, with the citizen's consent to share information.
public struct Contact: Codable, Equatable, Sendable {
    /// Which kind of actor.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case socialServices, psychiatry, gp, socialInsurance, employmentService, employer, mentor, peer, other
    }

    public var id: String
    public var kind: Kind
    public var name: String
    public var phone: String
    public var email: String
    /// The citizen's answers about sharing with this contact, oldest first; the last one
    /// counts. None yet means "not asked yet", which is not the same as "said no".
    public var consent: [ConsentChange]
    /// When the contact was removed from the citizen's circle; a removed contact stays in
    /// the record (and its consent history), is not listed and nothing is shared with it.
    public var removed: Stamp?

    public init(id: String, kind: Kind, name: String, phone: String, email: String) {
        self.id = id
        self.kind = kind
        self.name = name
        self.phone = phone
        self.email = email
        consent = []
    }

    /// What may be shared with this contact on `day`: the kinds of information of the last
    /// consent given, while it has not ended or been withdrawn and the contact is not removed.
    public func sharing(on day: Day) -> [ConsentChange.Information] {
        guard removed == nil, let last = consent.last, last.given else { return [] }
        if let until = last.until, until < day { return [] }
        return ConsentChange.Information.allCases.filter(last.information.contains)
    }

    /// Where the citizen stands on `day`.
    public func consentState(on day: Day) -> ConsentChange.State {
        guard let last = consent.last else { return .notAsked }
        if last.given { return sharing(on: day).isEmpty ? .ended : .given }
        return consent.dropLast().contains(where: \.given) ? .withdrawn : .refused
    }
}

/// The citizen's answer about sharing with one contact: yes (what may be shared, until when)
/// or no, with when and who recorded it.
public struct ConsentChange: Codable, Equatable, Sendable {
    /// A kind of information that may be shared.
    public enum Information: String, Codable, CaseIterable, Sendable {
        case plan, attendance, progress, health
    }

    /// Where a contact's consent stands on a day.
    public enum State: String, Sendable {
        /// Never asked.
        case notAsked
        /// Asked, and the answer was no.
        case refused
        case given
        /// Given once, and taken back.
        case withdrawn
        /// Given until a day now past.
        case ended
    }

    public var given: Bool
    /// What may be shared (given consent only). Consent recorded before this was kept had
    /// no such list and is read as the plan only: the plan summary is all Stepwise shared.
    public var information: [Information]
    /// The last day the consent holds, if it was given for a time.
    public var until: Day?
    public var day: Day
    public var stamp: Stamp

    public init(given: Bool, information: [Information] = [.plan], until: Day? = nil, day: Day, stamp: Stamp) {
        self.given = given
        self.information = given ? information : []
        self.until = given ? until : nil
        self.day = day
        self.stamp = stamp
    }

    private enum CodingKeys: String, CodingKey { case given, information, until, day, stamp }

    /// Reads an answer; a "yes" kept before the kinds of information were recorded covers the plan.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        given = try c.decode(Bool.self, forKey: .given)
        information = try c.decodeIfPresent([Information].self, forKey: .information) ?? (given ? [.plan] : [])
        until = try c.decodeIfPresent(Day.self, forKey: .until)
        day = try c.decode(Day.self, forKey: .day)
        stamp = try c.decode(Stamp.self, forKey: .stamp)
    }
}
