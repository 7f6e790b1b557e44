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
        for other in catalogue where other.id != offer.id && other.status == .open {
            let waiting: Bool
            switch place(of: participant.id, in: other) {
            case .seat?: waiting = false
            case .waiting?: waiting = true
            case nil: continue
            }
            for session in sessions {
                for theirs in other.sessions where theirs.day == session.day && session.minutes.overlaps(theirs.minutes) {
                    found.append(
                        Overlap(
                            session: session,
                            other: .offer(
                                id: other.id, title: other.title, session: theirs,
                                waiting: waiting)))
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
}

extension OfferSession {
    /// Minutes after midnight from start to end; a time that cannot be read counts as the whole day.
    var minutes: Range<Int> {
        let from = OfferSession.minutes(start) ?? 0
        let to = OfferSession.minutes(end) ?? 24 * 60
        return from < to ? from..<to : from..<(24 * 60)
    }

    /// `HH:MM` as minutes after midnight; nil for anything else.
    static func minutes(_ time: String) -> Int? {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
            let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return h * 60 + m
    }
}
