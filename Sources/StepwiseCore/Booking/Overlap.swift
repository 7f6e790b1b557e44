import Foundation

/// A clash between a session of an offer about to be booked and something already in the
/// participant's calendar. Overlaps are warned about before booking; they do not block it.
public struct Overlap: Equatable, Sendable {
    /// What the session clashes with.
    public enum Other: Equatable, Sendable {
        /// A session of another offer the participant holds a seat in (or waits for, when `waiting`).
        case offer(id: String, title: String, session: OfferSession, waiting: Bool)
        /// A mandatory conversation planned for the same day. Conversations have a day but no
        /// time, so a same-day session may or may not clash: it is worth a question before booking.
        case conversation(number: Int, day: Day)
    }

    /// The session of the offer being booked.
    public var session: OfferSession
    public var other: Other

    public init(session: OfferSession, other: Other) {
        self.session = session
        self.other = other
    }
}

extension Booking {
    /// Every clash between the sessions of `offer` and the participant's other offers (seats
    /// and places in line of offers that are not cancelled) and open mandatory conversations.
    /// Offers meet on a day between two times; two sessions clash when they share a day and
    /// their times overlap (10:00–12:00 and 12:00–13:00 do not).
    public static func overlaps(of offer: Offer, for participant: Participant, among catalogue: [Offer]) -> [Overlap] {
        var found: [Overlap] = []
        let sessions = offer.sessions.sorted { ($0.day, $0.start) < ($1.day, $1.start) }
        let held = heldSessions(of: participant, among: catalogue.filter { $0.id != offer.id })
        for offerSessions in held {
            for session in sessions {
                for theirs in offerSessions where theirs.session.day == session.day && session.minutes.overlaps(theirs.session.minutes) {
                    found.append(Overlap(session: session, other: theirs.other))
                }
            }
        }
        for session in sessions {
            for conversation in participant.conversations where conversation.isOpen && conversation.planned == session.day {
                found.append(Overlap(session: session, other: .conversation(number: conversation.number, day: conversation.planned)))
            }
        }
        return found
    }

    /// The sessions of the participant's offers (seats and places in line, offers not
    /// cancelled) that fall in the time of `appointment`, the next meeting agreed when a
    /// session ends: an appointment with a time is taken as one hour long (as the calendar
    /// export takes it, `ICalendar`), one without a time as the whole day. Mandatory
    /// conversations are not counted: they have no time, and the next appointment is often
    /// that conversation itself.
    public static func overlaps(of appointment: Appointment, for participant: Participant, among catalogue: [Offer]) -> [Overlap.Other] {
        let start = appointment.time.flatMap(OfferSession.minutes)
        let minutes = start.map { $0..<min(24 * 60, $0 + 60) } ?? 0..<(24 * 60)
        return heldSessions(of: participant, among: catalogue).joined().filter {
            $0.session.day == appointment.day && minutes.overlaps($0.session.minutes)
        }.map(\.other)
    }

    /// Every session of the offers in `catalogue` that `participant` holds a seat in or waits
    /// for, offers not cancelled, one list per offer in the catalogue's order, each session with
    /// what a clash names.
    private static func heldSessions(of participant: Participant, among catalogue: [Offer]) -> [[(session: OfferSession, other: Overlap.Other)]] {
        catalogue.filter { $0.status == .open }.compactMap { other -> [(session: OfferSession, other: Overlap.Other)]? in
            guard let place = place(of: participant.id, in: other) else { return nil }
            let waiting = if case .waiting = place { true } else { false }
            return other.sessions.map { ($0, .offer(id: other.id, title: other.title, session: $0, waiting: waiting)) }
        }
    }
}

extension OfferSession {
    /// Minutes after midnight from start to end; a time that cannot be read counts as the whole day.
    var minutes: Range<Int> {
        let from = OfferSession.minutes(start) ?? 0
        let to = OfferSession.minutes(end) ?? 24 * 60
        return from < to ? from..<to : from..<(24 * 60)
    }

    /// When the session meets, as every message that names a session says it: "10:00–12:00"
    /// (start and end with an en dash between, ISO 8601 clock times as stored), or the start
    /// alone when there is no end.
    public var times: String { end.isEmpty ? start : start + "–" + end }

    /// `HH:MM` as minutes after midnight; nil for anything else.
    public static func minutes(_ time: String) -> Int? {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
            let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return h * 60 + m
    }
}
