import Foundation

/// Booking changes applied to the data folder safely when several terminals and scripts book
/// the same offer at the same moment.
///
/// Each change takes the offer's exclusive lock (`locks/offer-<id>.lock`), re-reads the offer
/// file, applies the rule from `Booking`, writes the offer atomically, then appends the
/// journal entries to each affected participant's file (re-read and re-written under that
/// participant's journal lock), and only then releases the offer lock. So capacity is always
/// checked against what is on disk, no booking can overwrite another, the journal entries of
/// one offer are written in the order the changes happened, and every file is either the old
/// or the new version.
///
/// The offer file is the truth about seats. If the process dies between writing the offer and
/// writing the journals, the booking stands and the journal entry is missing; a journal that
/// cannot be written is reported in `Result.journalProblems`, never undone.
public struct BookingStore: Sendable {
    /// Why a change was not made.
    public enum Failure: LockedRecordFailure, Equatable, Sendable, CustomStringConvertible {
        /// Not a valid id (ids are never paths).
        case invalidParticipantID(String)
        case invalidOfferID(String)
        /// No such record in the data folder.
        case unknownParticipant(String)
        case unknownOffer(String)
        /// The rule refused the change; the offer (as read under the lock) is attached.
        case refused(Booking.Refusal, Offer)
        /// A record exists but cannot be read.
        case unreadable(RecordProblem)
        /// The offer stayed locked by someone else for too long.
        case busy(String)
        /// The offer file could not be written; nothing was changed.
        case writeFailed(String)

        public var description: String {
            switch self {
            case .invalidParticipantID(let id): return "'\(id)' is not a valid participant id"
            case .invalidOfferID(let id): return "'\(id)' is not a valid offer id"
            case .unknownParticipant(let id): return "unknown participant '\(id)'"
            case .unknownOffer(let id): return "unknown offer '\(id)'"
            case .refused(let refusal, let offer): return BookingStore.describe(refusal, offer: offer)
            case .unreadable(let problem): return problem.description
            case .busy(let reason): return reason
            case .writeFailed(let reason): return "could not write the offer: \(reason)"
            }
        }
    }

    /// A change that was made.
    public struct Result: Sendable {
        /// The offer as written, what happened, and the journal entries.
        public var change: Booking.Change
        /// Journal entries that could not be written (participant and reason); the change stands.
        public var journalProblems: [String]
    }

    public let store: DataStore
    public let identity: Identity
    /// How long to wait for an offer's lock.
    public var lockTimeout: TimeInterval
    /// The clock; read only while the offer's lock is held, so times follow the order of changes.
    public var clock: @Sendable () -> Date

    public init(
        store: DataStore, identity: Identity, lockTimeout: TimeInterval = 30,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.identity = identity
        self.lockTimeout = lockTimeout
        self.clock = clock
    }

    /// Books a seat for the participant, or a place on the waitlist when the offer is full.
    public func book(_ participantId: String, into offerId: String) throws -> Result {
        try requireParticipant(participantId)
        return try change(offer: offerId) { offer, now in
            guard let offer else { throw Failure.unknownOffer(offerId) }
            return try Booking.book(participantId, into: offer, at: now)
        }
    }

    /// Gives up the participant's seat (the first in line moves up) or place in line. Works
    /// even when the participant's file is gone, as long as the offer names them.
    public func unbook(_ participantId: String, from offerId: String) throws -> Result {
        guard RecordID.isValid(participantId) else { throw Failure.invalidParticipantID(participantId) }
        let known = (try? store.participantFile(participantId)).map { FileManager.default.fileExists(atPath: $0.path) } ?? false
        return try change(offer: offerId) { offer, now in
            guard let offer else { throw Failure.unknownOffer(offerId) }
            if !known && Booking.place(of: participantId, in: offer) == nil { throw Failure.unknownParticipant(participantId) }
            return try Booking.unbook(participantId, from: offer, at: now)
        }
    }

    /// Cancels the offer; everyone with a seat or a place in line gets a journal entry.
    public func cancel(offer offerId: String) throws -> Result {
        try change(offer: offerId) { offer, _ in
            guard let offer else { throw Failure.unknownOffer(offerId) }
            return Booking.cancel(offer)
        }
    }

    /// Applies `rule` to the offer under its lock: `rule` gets the offer as it is on disk
    /// (nil when there is no such offer yet) and the time, and returns the change to write.
    /// Throw `Booking.Refusal` or `Failure` from `rule` to write nothing.
    public func change(offer offerId: String, _ rule: (Offer?, Date) throws -> Booking.Change) throws -> Result {
        try changeAll(offers: [offerId]) { _, offer, now in try rule(offer, now) }[0]
    }

    /// Applies `rule` to several offers as one change: every offer's lock is taken (in id
    /// order, so that two such changes cannot wait for each other), each offer is read under
    /// its lock and `rule` gets its id, the offer as on disk (nil when new) and the time. The
    /// new files are all written before any is put in place, so that a write that fails (a
    /// full disk, a read-only folder) leaves every offer as it was and throws `writeFailed`.
    /// Each lock is checked to be still ours just before the renames (a process that stalled
    /// may have lost it as stale): if one was taken over, nothing is put in place and the
    /// whole change is made again from fresh reads. Results are in the order of `offerIds`.
    public func changeAll(offers offerIds: [String], _ rule: (String, Offer?, Date) throws -> Booking.Change) throws -> [Result] {
        for id in offerIds where !RecordID.isValid(id) { throw Failure.invalidOfferID(id) }
        let offers = LockedRecords<Offer, Failure>(store: store, identity: identity, lockTimeout: lockTimeout, clock: clock)
        return try offers.change(offerIds, record: \.offer) { id, current, now in
            do {
                return try rule(id, current, now)
            } catch let refusal as Booking.Refusal {
                guard let current else { throw Failure.unknownOffer(id) }
                throw Failure.refused(refusal, current)
            }
        } written: { changes, now in
            // The journals are written while the offers' locks are still held.
            changes.map { Result(change: $0, journalProblems: recordJournal($0, at: now)) }
        }
    }

    /// The lock file of an offer.
    public static func lockPath(_ offerId: String, in store: DataStore) -> String {
        store.locksDir.appendingPathComponent("offer-" + offerId + ".lock").path
    }

    /// A refusal in words, naming the participant (when given) and the offer.
    public static func describe(_ refusal: Booking.Refusal, offer: Offer, participant: String? = nil) -> String {
        let name = "\"\(offer.title)\" (\(offer.id))"
        let who = participant ?? "the participant"
        switch refusal {
        case .offerCancelled: return "\(name) is cancelled; nothing was booked"
        case .alreadyBooked(let seat): return "already booked: \(who) holds seat \(seat) of \(offer.capacity) in \(name)"
        case .alreadyWaiting(let place): return "already waiting: \(who) is at place \(place) on the waitlist of \(name)"
        case .full(let capacity, let limit):
            return limit == 0
                ? "\(name) is full (\(capacity) of \(capacity) seats booked) and has no waitlist"
                : "\(name) is full (\(capacity) of \(capacity) seats booked) and so is its waitlist (\(limit) waiting)"
        case .notBooked: return "not booked: \(who) neither holds a seat in nor waits for \(name)"
        case .capacityBelowBooked(let booked): return "the capacity of \(name) cannot go below the \(booked) seats already booked"
        }
    }

    private func requireParticipant(_ id: String) throws {
        guard RecordID.isValid(id) else { throw Failure.invalidParticipantID(id) }
        do {
            _ = try store.loadParticipant(id)
        } catch let problem as RecordProblem {
            if problem.kind == .missing { throw Failure.unknownParticipant(id) }
            throw Failure.unreadable(problem)
        }
    }

    /// Appends each participant's entries in one write per participant; returns what failed.
    private func recordJournal(_ change: Booking.Change, at now: Date) -> [String] {
        var problems: [String] = []
        var order: [String] = []
        var entries: [String: [JournalEntry]] = [:]
        for event in change.events {
            if entries[event.participantId] == nil { order.append(event.participantId) }
            entries[event.participantId, default: []].append(
                JournalEntry(
                    kind: event.kind, offerId: change.offer.id, offerTitle: change.offer.title,
                    stamp: Stamp(by: identity.coach, at: now)))
        }
        for id in order {
            do {
                try ParticipantJournal.append(entries[id] ?? [], to: id, in: store, as: identity, at: now)
            } catch {
                problems.append("\(id): \(error)")
            }
        }
        return problems
    }
}

extension Offer: LockedRecord {
    static var noun: String { "offer" }

    static func lockPath(_ id: String, in store: DataStore) -> String { BookingStore.lockPath(id, in: store) }

    static func load(_ id: String, from store: DataStore) throws -> Offer { try store.loadOffer(id) }

    func stage(in store: DataStore) throws -> AtomicFile.Staged { try store.stage(self) }
}
