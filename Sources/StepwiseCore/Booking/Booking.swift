import Foundation

/// The booking rules of an offer, as pure functions on `Offer` values: seats that count
/// against the capacity, a waitlist that does not, automatic promotion of the first in line
/// when a seat frees up, and cancellation. Every change names the journal entries it causes,
/// so that each affected participant's record can say what happened to them.
///
/// Storage and locking are `BookingStore`'s job; nothing here touches a file.
public enum Booking {
    /// Why a booking change was refused.
    public enum Refusal: Error, Equatable, Sendable {
        /// The offer is cancelled; nobody can book it.
        case offerCancelled
        /// The participant already holds the given seat (1-based, in booking order).
        case alreadyBooked(seat: Int)
        /// The participant already waits at the given place in line (1-based).
        case alreadyWaiting(place: Int)
        /// Every seat is taken and the waitlist is closed or full.
        case full(capacity: Int, waitlistLimit: Int)
        /// The participant neither holds a seat nor waits.
        case notBooked
        /// The capacity cannot go below the seats already booked.
        case capacityBelowBooked(booked: Int)
    }

    /// Where a participant stands in an offer.
    public enum Place: Equatable, Sendable {
        /// Holds seat n (1-based, in booking order).
        case seat(Int)
        /// Waits at place n in line (1-based).
        case waiting(Int)
    }

    /// What a change did.
    public enum Outcome: Equatable, Sendable {
        /// The participant got seat n.
        case booked(seat: Int)
        /// The participant waits at place n.
        case waitlisted(place: Int)
        /// The participant gave up a seat; `promoted` lists who moved up from the waitlist.
        case unbooked(promoted: [String])
        /// The participant left the waitlist.
        case leftWaitlist
        /// The offer was cancelled; `affected` lists everyone who held a seat or waited.
        case offerCancelled(affected: [String])
        /// The offer was changed (capacity, details); `promoted` lists who moved up.
        case updated(promoted: [String])
    }

    /// One journal entry a change causes in a participant's record.
    public struct Event: Equatable, Sendable {
        public var participantId: String
        public var kind: JournalEntry.Kind

        public init(participantId: String, kind: JournalEntry.Kind) {
            self.participantId = participantId
            self.kind = kind
        }
    }

    /// The result of a rule: the offer as it is now, what happened, and the journal entries.
    public struct Change: Equatable, Sendable {
        public var offer: Offer
        public var outcome: Outcome
        public var events: [Event]

        public init(offer: Offer, outcome: Outcome, events: [Event]) {
            self.offer = offer
            self.outcome = outcome
            self.events = events
        }
    }

    /// Where `participantId` stands in `offer`, or nil when they neither hold a seat nor wait.
    public static func place(of participantId: String, in offer: Offer) -> Place? {
        if let index = offer.booked.firstIndex(where: { $0.participantId == participantId }) { return .seat(index + 1) }
        if let index = offer.waiting.firstIndex(where: { $0.participantId == participantId }) { return .waiting(index + 1) }
        return nil
    }

    /// Seats still free (never negative).
    public static func freeSeats(_ offer: Offer) -> Int { max(0, offer.capacity - offer.booked.count) }

    /// Books a seat when one is free, else puts the participant last on the waitlist.
    /// One person never holds two seats, nor a seat and a place in line, in one offer.
    public static func book(_ participantId: String, into offer: Offer, at now: Date) throws(Refusal) -> Change {
        if let place = place(of: participantId, in: offer) {
            switch place {
            case .seat(let n): throw .alreadyBooked(seat: n)
            case .waiting(let n): throw .alreadyWaiting(place: n)
            }
        }
        guard offer.status == .open else { throw .offerCancelled }
        var offer = offer
        // Someone waiting goes first: a free seat with a waitlist is filled from the line.
        let promoted = fillFromWaitlist(&offer, at: now)
        var events = promoted.map { Event(participantId: $0, kind: .promoted) }
        if offer.booked.count < offer.capacity {
            offer.booked.append(Seat(participantId: participantId, since: now))
            events.append(Event(participantId: participantId, kind: .booked))
            return Change(offer: offer, outcome: .booked(seat: offer.booked.count), events: events)
        }
        if let limit = offer.waitlistLimit, offer.waiting.count >= limit {
            throw .full(capacity: offer.capacity, waitlistLimit: limit)
        }
        offer.waiting.append(Seat(participantId: participantId, since: now))
        events.append(Event(participantId: participantId, kind: .waitlisted))
        return Change(offer: offer, outcome: .waitlisted(place: offer.waiting.count), events: events)
    }

    /// Gives up a seat or a place in line. A freed seat of an open offer goes to the first
    /// on the waitlist at once, and their record says so.
    public static func unbook(_ participantId: String, from offer: Offer, at now: Date) throws(Refusal) -> Change {
        var offer = offer
        if let index = offer.booked.firstIndex(where: { $0.participantId == participantId }) {
            offer.booked.remove(at: index)
            let promoted = fillFromWaitlist(&offer, at: now)
            let events =
                [Event(participantId: participantId, kind: .unbooked)]
                + promoted.map { Event(participantId: $0, kind: .promoted) }
            return Change(offer: offer, outcome: .unbooked(promoted: promoted), events: events)
        }
        if let index = offer.waiting.firstIndex(where: { $0.participantId == participantId }) {
            offer.waiting.remove(at: index)
            return Change(
                offer: offer, outcome: .leftWaitlist,
                events: [Event(participantId: participantId, kind: .unbooked)])
        }
        throw .notBooked
    }

    /// Cancels the offer. Seats and the waitlist are kept, so that the catalogue still shows
    /// who was affected, and everyone in them gets an `offerCancelled` entry. Cancelling a
    /// cancelled offer changes nothing.
    public static func cancel(_ offer: Offer) -> Change {
        guard offer.status == .open else { return Change(offer: offer, outcome: .offerCancelled(affected: []), events: []) }
        var offer = offer
        offer.status = .cancelled
        let affected = (offer.booked + offer.waiting).map(\.participantId)
        return Change(
            offer: offer, outcome: .offerCancelled(affected: affected),
            events: affected.map { Event(participantId: $0, kind: .offerCancelled) })
    }

    /// Replaces the catalogue details of `offer` (title, sessions, capacity, …) with those of
    /// `details`, keeping its seats, waitlist and attendance (they concern participants). A
    /// larger capacity promotes from the waitlist; a capacity below the seats already booked
    /// is refused; a change of status to cancelled goes through `cancel`, and back to open just
    /// reopens. Sessions keep their ids and count their changes (`CalendarIdentity.carry`), so
    /// calendar files update instead of duplicating.
    public static func update(_ offer: Offer, with details: Offer, at now: Date) throws(Refusal) -> Change {
        if details.capacity < offer.booked.count { throw .capacityBelowBooked(booked: offer.booked.count) }
        var updated = details
        updated.id = offer.id
        updated.schemaVersion = offer.schemaVersion
        updated.booked = offer.booked
        updated.waiting = offer.waiting
        // Attendance is marked session by session, never by changing the offer's details.
        updated.attendance = offer.attendance
        CalendarIdentity.carry(from: offer, into: &updated, at: now)
        updated.status = offer.status
        if details.status == .cancelled && offer.status == .open {
            let cancelled = cancel(updated)
            return Change(offer: cancelled.offer, outcome: .updated(promoted: []), events: cancelled.events)
        }
        updated.status = details.status
        let promoted = fillFromWaitlist(&updated, at: now)
        return Change(
            offer: updated, outcome: .updated(promoted: promoted),
            events: promoted.map { Event(participantId: $0, kind: .promoted) })
    }

    /// Moves the first in line to free seats of an open offer; returns who moved, in order.
    /// A promoted seat counts from `now`, the moment the seat was given.
    public static func fillFromWaitlist(_ offer: inout Offer, at now: Date) -> [String] {
        guard offer.status == .open else { return [] }
        var promoted: [String] = []
        while offer.booked.count < offer.capacity, !offer.waiting.isEmpty {
            let next = offer.waiting.removeFirst()
            offer.booked.append(Seat(participantId: next.participantId, since: now))
            promoted.append(next.participantId)
        }
        return promoted
    }
}
