import Foundation

/// Reads an offer file straight from its bytes in one pass with `JSONCursor`, building each
/// field as it comes: Foundation's `JSONDecoder` builds a container for every object it
/// decodes (an offer holds one per seat, session and facilitator), which made the first
/// reading of the catalogue at 100,000 participants (5,000 offers) take most of a second and
/// left the memory it used behind in pieces.
///
/// It gives up (nil) on anything it does not take as the current schema writes it (an older
/// file, a field given twice, an escaped key, a number that is not a whole number, a field it
/// needs missing or of another type, a date in another form, an internship's details), and
/// `RecordCodec.offer` then reads the file with `JSONDecoder`, which migrates it or names
/// what is wrong. What it gives is the offer `JSONDecoder` gives for the same bytes
/// (`OfferReadingTests`).
enum OfferReader {
    /// The offer in `data`, or nil when it must be read by `JSONDecoder`.
    static func read(_ data: Data) -> Offer? {
        guard data.count <= RecordCodec.maxRecordBytes else { return nil }
        return data.withUnsafeBytes { bytes in
            var cursor = JSONCursor(bytes)
            guard let offer = try? cursor.offer() else { return nil }
            guard (try? cursor.end()) != nil, offer.schemaVersion == Offer.currentSchemaVersion else { return nil }
            return offer
        }
    }
}

extension JSONCursor {
    fileprivate mutating func offer() throws -> Offer {
        var schemaVersion: Int?, id: String?, title: String?, kind: String?, description: String?, sessions: [OfferSession]?
        var place: String?, capacity: Int?, language: String?, status: Offer.Status?, booked: [Seat]?, waiting: [Seat]?
        var facilitators: [Facilitator] = [], suits = "", waitlistLimit: Int?, attendance: [Attendance] = []
        var cancelledSessions: [OfferSession] = []
        try fields { cursor, key in
            switch key {
            case "schemaVersion": schemaVersion = try cursor.int()
            case "id": id = try cursor.string()
            case "title": title = try cursor.string()
            case "kind": kind = try cursor.string()
            case "description": description = try cursor.string()
            case "sessions": sessions = try cursor.list(exact: true) { try $0.session() }
            case "place": place = try cursor.string()
            case "capacity": capacity = try cursor.int()
            case "language": language = try cursor.string()
            case "status": status = Offer.Status(rawValue: try cursor.string())
            case "booked": booked = try cursor.list(exact: true) { try $0.seat() }
            case "waiting": waiting = try cursor.list(exact: true) { try $0.seat() }
            case "facilitators": facilitators = try cursor.null() ? [] : cursor.list(exact: true) { try $0.facilitator() }
            case "suits": suits = try cursor.null() ? "" : cursor.string()
            case "waitlistLimit": waitlistLimit = try cursor.null() ? nil : cursor.int()
            // An internship's details are read by `JSONDecoder` (few offers hold one).
            case "internship": guard try cursor.null() else { throw Refused() }
            case "attendance": attendance = try cursor.null() ? [] : cursor.list(exact: true) { try $0.attendance() }
            case "cancelledSessions": cancelledSessions = try cursor.null() ? [] : cursor.list(exact: true) { try $0.session() }
            default: try cursor.skip()
            }
        }
        guard let schemaVersion, let id, let title, let kind, let description, let sessions, let place, let capacity,
            let language, let status, let booked, let waiting
        else { throw Refused() }
        var offer = Offer(
            id: id, title: title, kind: kind, description: description, sessions: sessions, place: place, capacity: capacity,
            language: language)
        offer.schemaVersion = schemaVersion
        offer.status = status
        offer.booked = booked
        offer.waiting = waiting
        offer.facilitators = facilitators
        offer.suits = suits
        offer.waitlistLimit = waitlistLimit
        offer.attendance = attendance
        offer.cancelledSessions = cancelledSessions
        return offer
    }

    private mutating func session() throws -> OfferSession {
        var id: String?, day: Day?, start: String?, end: String?, sequence: Int?, modified: Date?
        try fields { cursor, key in
            switch key {
            case "id": id = try cursor.string()
            case "day": day = try cursor.day()
            case "start": start = try cursor.string()
            case "end": end = try cursor.string()
            case "sequence": sequence = try cursor.int()
            case "modified": modified = try cursor.null() ? nil : cursor.date()
            default: try cursor.skip()
            }
        }
        guard let id, let day, let start, let end, let sequence else { throw Refused() }
        return OfferSession(id: id, day: day, start: start, end: end, sequence: sequence, modified: modified)
    }

    private mutating func seat() throws -> Seat {
        var participantId: String?, since: Date?
        try fields { cursor, key in
            switch key {
            case "participantId": participantId = try cursor.string()
            case "since": since = try cursor.date()
            default: try cursor.skip()
            }
        }
        guard let participantId, let since else { throw Refused() }
        return Seat(participantId: participantId, since: since)
    }

    private mutating func facilitator() throws -> Facilitator {
        var name: String?, role: Facilitator.Role?
        try fields { cursor, key in
            switch key {
            case "name": name = try cursor.string()
            case "role": role = Facilitator.Role(rawValue: try cursor.string())
            default: try cursor.skip()
            }
        }
        guard let name, let role else { throw Refused() }
        return Facilitator(name: name, role: role)
    }

    private mutating func attendance() throws -> Attendance {
        var day: Day?, start: String?, participantId: String?, status: Attendance.Status?
        try fields { cursor, key in
            switch key {
            case "day": day = try cursor.day()
            case "start": start = try cursor.string()
            case "participantId": participantId = try cursor.string()
            case "status": status = Attendance.Status(rawValue: try cursor.string())
            default: try cursor.skip()
            }
        }
        guard let day, let start, let participantId, let status else { throw Refused() }
        return Attendance(day: day, start: start, participantId: participantId, status: status)
    }

    /// A date in the one form records are written in (`RecordCodec.internetDate`); any other
    /// form is left to `JSONDecoder`.
    private mutating func date() throws -> Date {
        guard let date = RecordCodec.internetDate(try string()) else { throw Refused() }
        return date
    }
}

extension OfferSession {
    /// A session with every field given, as read from a file.
    fileprivate init(id: String, day: Day, start: String, end: String, sequence: Int, modified: Date?) {
        self.id = id
        self.day = day
        self.start = start
        self.end = end
        self.sequence = sequence
        self.modified = modified
    }
}
