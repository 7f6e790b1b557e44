import Foundation

/// A bookable offer in the catalogue: a workshop, a network, an internship, …
///
/// Its fields are held once on the heap and shared by every copy until a copy is changed
/// (copy on write, `isKnownUniquelyReferenced`): the catalogue, the cache of offer files and
/// each filtered list then hold one pointer per offer (8 bytes) instead of the fields' 384
/// (208 with the internship details boxed). At 100,000 participants (5,000 offers) those
/// copies took 4.6 MB (measured in one process, `/proc/self/status`, `RssAnon`).
public struct Offer: Codable, Equatable, Sendable {
    /// The schema version this build writes.
    /// Version 2 gave each session an `id`, a `sequence` and a `modified` stamp, and added
    /// `cancelledSessions`.
    public static let currentSchemaVersion = 2

    /// Open for booking, or cancelled.
    public enum Status: String, Codable, Sendable { case open, cancelled }

    /// What an offer file holds, field for field (see the properties of the same names).
    struct Fields: Codable, Equatable, Sendable {
        var schemaVersion: Int
        var id: String
        var title: String
        var kind: String
        var description: String
        var sessions: [OfferSession]
        var place: String
        var capacity: Int
        var language: String
        var status: Status
        var booked: [Seat]
        var waiting: [Seat]
        var facilitators: [Facilitator]
        var suits: String
        var waitlistLimit: Int?
        /// Boxed: few offers are internships, and the details take 184 bytes.
        var internship: Indirect<Internship>?
        var attendance: [Attendance]
        var cancelledSessions: [OfferSession]
    }

    /// The fields, shared by copies of this offer; changed only when no other copy holds them.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// Changes the fields, first copying them when another offer shares them.
    private mutating func change(_ body: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        body(&storage.fields)
    }

    public var schemaVersion: Int {
        get { storage.fields.schemaVersion }
        set { change { $0.schemaVersion = newValue } }
    }
    public var id: String {
        get { storage.fields.id }
        set { change { $0.id = newValue } }
    }
    public var title: String {
        get { storage.fields.title }
        set { change { $0.title = newValue } }
    }
    /// One of `OfferKind.builtIn`, or a custom kind.
    public var kind: String {
        get { storage.fields.kind }
        set { change { $0.kind = newValue } }
    }
    public var description: String {
        get { storage.fields.description }
        set { change { $0.description = newValue } }
    }
    public var sessions: [OfferSession] {
        get { storage.fields.sessions }
        set { change { $0.sessions = newValue } }
    }
    /// A place, or "online".
    public var place: String {
        get { storage.fields.place }
        set { change { $0.place = newValue } }
    }
    public var capacity: Int {
        get { storage.fields.capacity }
        set { change { $0.capacity = newValue } }
    }
    /// Language code of the offer.
    public var language: String {
        get { storage.fields.language }
        set { change { $0.language = newValue } }
    }
    public var status: Status {
        get { storage.fields.status }
        set { change { $0.status = newValue } }
    }
    /// Seats held, in booking order; these count against the capacity.
    public var booked: [Seat] {
        get { storage.fields.booked }
        set { change { $0.booked = newValue } }
    }
    /// Waiting for a seat, first in line first.
    public var waiting: [Seat] {
        get { storage.fields.waiting }
        set { change { $0.waiting = newValue } }
    }
    /// Who leads it and in what role (coach, peer trainer, employer, teacher).
    public var facilitators: [Facilitator] {
        get { storage.fields.facilitators }
        set { change { $0.facilitators = newValue } }
    }
    /// Who it suits, in plain words ("new graduates", "anyone who wants to try a trade").
    public var suits: String {
        get { storage.fields.suits }
        set { change { $0.suits = newValue } }
    }
    /// How many may wait for a seat: nil for no limit, 0 for no waitlist at all.
    public var waitlistLimit: Int? {
        get { storage.fields.waitlistLimit }
        set { change { $0.waitlistLimit = newValue } }
    }
    /// The placement details when the offer is an internship or work trial.
    public var internship: Internship? {
        get { storage.fields.internship?.value }
        set { change { $0.internship = newValue.map(Indirect.init) } }
    }
    /// Who attended which session, entered for the whole group.
    public var attendance: [Attendance] {
        get { storage.fields.attendance }
        set { change { $0.attendance = newValue } }
    }
    /// Sessions taken out of the offer, kept for `CalendarIdentity.cancelledRetentionDays` so
    /// that calendar files show them as cancelled (with their UID) instead of dropping them.
    public var cancelledSessions: [OfferSession] {
        get { storage.fields.cancelledSessions }
        set { change { $0.cancelledSessions = newValue } }
    }

    /// A new open offer with no bookings.
    public init(
        id: String, title: String, kind: String, description: String, sessions: [OfferSession],
        place: String, capacity: Int, language: String
    ) {
        storage = Storage(
            Fields(
                schemaVersion: Offer.currentSchemaVersion, id: id, title: title, kind: kind, description: description,
                sessions: sessions, place: place, capacity: capacity, language: language, status: .open, booked: [],
                waiting: [], facilitators: [], suits: "", waitlistLimit: nil, internship: nil, attendance: [],
                cancelledSessions: []))
    }

    /// Reads an offer; fields added after schema version 1 may be absent and take their defaults.
    public init(from decoder: Decoder) throws { storage = Storage(try Fields(from: decoder)) }

    public func encode(to encoder: Encoder) throws { try storage.fields.encode(to: encoder) }

    /// Equal when every field is (at once when both share their fields).
    public static func == (lhs: Offer, rhs: Offer) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// The first session, if any.
    public var firstDay: Day? { sessions.map(\.day).min() }

    /// The first session on or after `day` (of all, when nil), by day and then start time
    /// ("09:00" before "13:00"); nil when there is none.
    public func firstSession(onOrAfter day: Day? = nil) -> OfferSession? {
        sessions.filter { session in day.map { session.day >= $0 } ?? true }.min { ($0.day, $0.start) < ($1.day, $1.start) }
    }
}

extension Offer.Fields {
    private enum CodingKeys: String, CodingKey {
        case schemaVersion, id, title, kind, description, sessions, place, capacity, language, status, booked, waiting
        case facilitators, suits, waitlistLimit, internship, attendance, cancelledSessions
    }

    /// Reads an offer's fields; those added after schema version 1 may be absent and take their defaults.
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        kind = try c.decode(String.self, forKey: .kind)
        description = try c.decode(String.self, forKey: .description)
        sessions = try c.decode([OfferSession].self, forKey: .sessions)
        place = try c.decode(String.self, forKey: .place)
        capacity = try c.decode(Int.self, forKey: .capacity)
        language = try c.decode(String.self, forKey: .language)
        status = try c.decode(Offer.Status.self, forKey: .status)
        booked = try c.decode([Seat].self, forKey: .booked)
        waiting = try c.decode([Seat].self, forKey: .waiting)
        facilitators = try c.decodeIfPresent([Facilitator].self, forKey: .facilitators) ?? []
        suits = try c.decodeIfPresent(String.self, forKey: .suits) ?? ""
        waitlistLimit = try c.decodeIfPresent(Int.self, forKey: .waitlistLimit)
        internship = try c.decodeIfPresent(Internship.self, forKey: .internship).map(Indirect.init)
        attendance = try c.decodeIfPresent([Attendance].self, forKey: .attendance) ?? []
        cancelledSessions = try c.decodeIfPresent([OfferSession].self, forKey: .cancelledSessions) ?? []
    }
}

extension Offer {
    /// The attendance recorded for one participant at one session, if any.
    public func attendance(of participantId: String, at session: OfferSession) -> Attendance.Status? {
        attendance.last { $0.participantId == participantId && $0.day == session.day && $0.start == session.start }?.status
    }

    /// Records attendance (replacing an earlier mark for the same person and session); nil
    /// clears the mark. Whether a session may be marked yet is `canMarkAttendance(at:now:in:)`.
    public mutating func mark(_ participantId: String, at session: OfferSession, as status: Attendance.Status?) {
        attendance.removeAll { $0.participantId == participantId && $0.day == session.day && $0.start == session.start }
        if let status {
            attendance.append(Attendance(day: session.day, start: session.start, participantId: participantId, status: status))
        }
    }

    /// True once `session` has started at `now` on the clock of `zone`: attendance is for
    /// sessions that have happened (or are happening), never for one still ahead.
    public func canMarkAttendance(at session: OfferSession, now: Date, in zone: TimeZone) -> Bool {
        LocalTime.moment(day: session.day, time: session.start, in: zone).map { $0 <= now } ?? false
    }
}

/// Whether a participant came to one session of an offer.
public struct Attendance: Codable, Equatable, Sendable {
    public enum Status: String, Codable, CaseIterable, Sendable { case attended, absent, excused }

    public var day: Day
    /// The session's start, `HH:MM` (a day may hold two sessions).
    public var start: String
    public var participantId: String
    public var status: Status

    public init(day: Day, start: String, participantId: String, status: Status) {
        self.day = day
        self.start = start
        self.participantId = participantId
        self.status = status
    }
}

/// One dated meeting of an offer.
public struct OfferSession: Codable, Equatable, Sendable {
    /// Names the session for its whole life (the calendar UID is `<offerId>-<id>@stepwise`),
    /// whatever its day and time become. Made from the day and time it was first given
    /// (`YYYYMMDD-HHMM`, with `-2`, `-3` … when that is taken in the offer).
    public var id: String
    public var day: Day
    /// Local time as `HH:MM`.
    public var start: String
    /// Local time as `HH:MM`.
    public var end: String
    /// The calendar SEQUENCE (RFC 5545 3.8.7.4): 0 when made, one more at each change of
    /// day, time or status.
    public var sequence: Int
    /// When the day, time or status last changed (the calendar's LAST-MODIFIED); nil before
    /// the first change, and for sessions from files older than schema version 2.
    public var modified: Date?

    public init(day: Day, start: String, end: String) {
        id = OfferSession.naturalID(day: day, start: start)
        self.day = day
        self.start = start
        self.end = end
        sequence = 0
        modified = nil
    }

    /// `YYYYMMDD-HHMM` from a day and an `HH:MM` time (`YYYYMMDD-day` without one); the id a
    /// session first gets, and the one old sessions are given when their file is migrated,
    /// so that their calendar UIDs stay what they were.
    public static func naturalID(day: Day, start: String) -> String {
        let time = ICalendar.time(start).map { String(format: "%02d%02d", $0.hour, $0.minute) } ?? "day"
        return ICalendar.date(day) + "-" + time
    }

    private enum CodingKeys: String, CodingKey { case id, day, start, end, sequence, modified }

    /// Reads a session (files older than schema version 2 get their ids in `Migrations.offer`).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        day = try c.decode(Day.self, forKey: .day)
        start = try c.decode(String.self, forKey: .start)
        end = try c.decode(String.self, forKey: .end)
        sequence = try c.decode(Int.self, forKey: .sequence)
        modified = try c.decodeIfPresent(Date.self, forKey: .modified)
    }

    /// True when day and times are the same (the id and stamps aside).
    public func isAtSameTime(as other: OfferSession) -> Bool { day == other.day && start == other.start && end == other.end }
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

    /// The kind in words: a built-in kind from the string table, a custom kind as it was typed.
    public static func name(_ kind: String, in strings: Localizer) -> String {
        builtIn.contains(kind) ? strings("offer.kind.\(kind)") : kind
    }
}
