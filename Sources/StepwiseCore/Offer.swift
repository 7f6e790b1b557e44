import Foundation

/// A bookable offer in the catalogue: a workshop, a network, an internship, …
public struct Offer: Codable, Equatable, Sendable {
    /// The schema version this build writes.
    public static let currentSchemaVersion = 1

    /// Open for booking, or cancelled.
    public enum Status: String, Codable, Sendable { case open, cancelled }

    public var schemaVersion: Int
    public var id: String
    public var title: String
    /// One of `OfferKind.builtIn`, or a custom kind.
    public var kind: String
    public var description: String
    public var sessions: [OfferSession]
    /// A place, or "online".
    public var place: String
    public var capacity: Int
    /// Language code of the offer.
    public var language: String
    public var status: Status
    /// Seats held, in booking order; these count against the capacity.
    public var booked: [Seat]
    /// Waiting for a seat, first in line first.
    public var waiting: [Seat]

    /// A new open offer with no bookings.
    public init(id: String, title: String, kind: String, description: String, sessions: [OfferSession],
                place: String, capacity: Int, language: String) {
        schemaVersion = Offer.currentSchemaVersion
        self.id = id
        self.title = title
        self.kind = kind
        self.description = description
        self.sessions = sessions
        self.place = place
        self.capacity = capacity
        self.language = language
        status = .open
        booked = []
        waiting = []
    }

    /// The first session, if any.
    public var firstDay: Day? { sessions.map(\.day).min() }
}

/// One dated meeting of an offer.
public struct OfferSession: Codable, Equatable, Sendable {
    public var day: Day
    /// Local time as `HH:MM`.
    public var start: String
    /// Local time as `HH:MM`.
    public var end: String

    public init(day: Day, start: String, end: String) {
        self.day = day
        self.start = start
        self.end = end
    }
}

/// A participant's seat or place in line.
public struct Seat: Codable, Equatable, Sendable {
    public var participantId: String
    public var since: Date

    public init(participantId: String, since: Date) {
        self.participantId = participantId
        self.since = since
    }
}

/// The kinds of offer named in the course model.
public enum OfferKind {
    /// Built-in kinds, in the order the catalogue groups them.
    public static let builtIn = [
        "network", "workshop", "themeDay", "jobSearchCourse", "companyVisit", "miniCourse",
        "upskilling", "internship", "mentor", "peerGroup",
    ]
}
