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
    /// Consent given or withdrawn, oldest first; the last one counts.
    public var consent: [ConsentChange]

    public init(id: String, kind: Kind, name: String, phone: String, email: String) {
        self.id = id
        self.kind = kind
        self.name = name
        self.phone = phone
        self.email = email
        consent = []
    }

    /// True when the citizen's latest word is that information may be shared.
    public var mayShare: Bool { consent.last?.given ?? false }
}

/// The citizen giving or withdrawing consent to share with one contact.
public struct ConsentChange: Codable, Equatable, Sendable {
    public var given: Bool
    public var day: Day
    public var stamp: Stamp

    public init(given: Bool, day: Day, stamp: Stamp) {
        self.given = given
        self.day = day
        self.stamp = stamp
    }
}
