import Foundation
import StepwiseCore

/// `stepwise book PARTICIPANT OFFER` and `stepwise unbook PARTICIPANT OFFER`: booking from
/// scripts, under the offer's lock, with the outcome on standard output (warnings and
/// refusals on standard error).
extension Command {
    static let book = Command(
        "book", summary: "book a participant into an offer (or its waitlist)",
        arguments: participantAndOffer, action: .run { $0.book() })

    static let unbook = Command(
        "unbook", summary: "give up a seat or a place on a waitlist",
        arguments: participantAndOffer, action: .run { $0.unbook() })

    private static let participantAndOffer = [
        Argument(name: "PARTICIPANT", noun: "a participant id", completes: .participantID),
        Argument(name: "OFFER", noun: "an offer id", completes: .offerID),
    ]
}

extension Commands {
    func book() -> Int32 {
        guard let (participantId, offerId) = bookingArguments() else { return 2 }
        guard requireDataFolder() else { return 1 }
        let bookings = BookingStore(store: store, identity: Identity.current(environment: environment))
        do {
            let result = try bookings.book(participantId, into: offerId)
            let offer = result.change.offer
            let who = CLIText.person(participantId, in: store)
            switch result.change.outcome {
            case .booked(let seat):
                say(text("book.booked", ["who": who, "offer": CLIText.offer(offer), "seat": String(seat), "of": String(offer.capacity)]))
            case .waitlisted(let place):
                say(
                    text(
                        "book.waitlisted",
                        [
                            "place": String(place), "who": who, "offer": CLIText.offer(offer),
                            "seats": seatsBooked(offer.booked.count, of: offer.capacity),
                        ]))
            default:
                say(text("book.changed", ["who": who, "offer": CLIText.offer(offer)]))
            }
            for event in result.change.events where event.kind == .promoted {
                say(promoted(event.participantId, into: CLIText.offer(offer)))
            }
            audit(.booked, participant: participantId)
            warnAboutOverlaps(participantId, offer: offer)
            reportJournal(result.journalProblems)
            return 0
        } catch {
            return bookingFailure(error)
        }
    }

    func unbook() -> Int32 {
        guard let (participantId, offerId) = bookingArguments() else { return 2 }
        guard requireDataFolder() else { return 1 }
        let bookings = BookingStore(store: store, identity: Identity.current(environment: environment))
        do {
            let result = try bookings.unbook(participantId, from: offerId)
            let offer = result.change.offer
            let who = CLIText.person(participantId, in: store)
            switch result.change.outcome {
            case .leftWaitlist:
                say(text("unbook.leftWaitlist", ["who": who, "offer": CLIText.offer(offer)]))
            default:
                say(text("unbook.unbooked", ["who": who, "offer": CLIText.offer(offer)]))
            }
            audit(.unbooked, participant: participantId)
            for event in result.change.events where event.kind == .promoted {
                say(promoted(event.participantId, into: CLIText.offer(offer)))
            }
            reportJournal(result.journalProblems)
            return 0
        } catch {
            return bookingFailure(error)
        }
    }

    /// The two ids, checked; prints the usage problem and returns nil when one is not an id.
    private func bookingArguments() -> (String, String)? {
        let participantId = options.positional[0]
        let offerId = options.positional[1]
        guard RecordID.isValid(participantId) else {
            printError(invalidParticipantID(participantId))
            return nil
        }
        guard RecordID.isValid(offerId) else {
            printError(invalidOfferID(offerId))
            return nil
        }
        return (participantId, offerId)
    }

    private func bookingFailure(_ error: Error) -> Int32 {
        guard let failure = error as? BookingStore.Failure else {
            printError(strings.problemText(error))
            return 1
        }
        switch failure {
        case .invalidParticipantID(let id):
            printError(invalidParticipantID(id))
            return 2
        case .invalidOfferID(let id):
            printError(invalidOfferID(id))
            return 2
        case .unknownParticipant(let id): printError(text("unknownParticipant", ["id": id]))
        case .unknownOffer(let id): printError(text("unknownOffer", ["id": id]))
        case .refused(let refusal, let offer): printError(describe(refusal, offer: offer, participant: options.positional[0]))
        case .unreadable(let problem): printError(problem.text(strings))
        case .busy(let reason): printError(reason)
        case .writeFailed(let reason): printError(text("book.writeFailed", ["reason": reason]))
        }
        return 1
    }

    /// Why the booking rule refused, naming the offer and the participant (by id).
    private func describe(_ refusal: Booking.Refusal, offer: Offer, participant who: String) -> String {
        let name = CLIText.offer(offer)
        switch refusal {
        case .offerCancelled: return text("refused.cancelled", ["offer": name])
        case .alreadyBooked(let seat):
            return text("refused.alreadyBooked", ["who": who, "seat": String(seat), "of": String(offer.capacity), "offer": name])
        case .alreadyWaiting(let place): return text("refused.alreadyWaiting", ["who": who, "place": String(place), "offer": name])
        case .full(let capacity, let limit):
            let seats = seatsBooked(capacity, of: capacity)
            return limit == 0
                ? text("refused.fullNoWaitlist", ["offer": name, "seats": seats])
                : text("refused.fullWaitlist", ["offer": name, "seats": seats, "waiting": String(limit)])
        case .notBooked: return text("refused.notBooked", ["who": who, "offer": name])
        case .capacityBelowBooked(let booked): return text("refused.capacityBelowBooked", ["offer": name, "seats": count(booked, "seat")])
        }
    }

    /// "3 of 12 seats booked": plural by the number of seats.
    private func seatsBooked(_ booked: Int, of capacity: Int) -> String {
        strings("cli.count.seatsBooked", count: capacity, ["booked": String(booked)])
    }

    /// Overlaps of the booked offer with the participant's other offers and conversations.
    private func warnAboutOverlaps(_ participantId: String, offer: Offer) {
        guard let participant = try? store.loadParticipant(participantId) else { return }
        let catalogue = store.loadOffers().offers
        for overlap in Booking.overlaps(of: offer, for: participant, among: catalogue) {
            let mine = "\(overlap.session.day.iso) \(overlap.session.start)-\(overlap.session.end)"
            switch overlap.other {
            case .offer(let id, let title, let session, let waiting):
                warn(
                    text(
                        waiting ? "book.overlapWaiting" : "book.overlapBooked",
                        [
                            "mine": mine, "offer": "\"\(title)\" (\(id))", "when": "\(session.day.iso) \(session.start)-\(session.end)",
                            "who": participantId,
                        ]))
            case .conversation(let number, let day):
                warn(text("book.overlapConversation", ["mine": mine, "n": String(number), "date": day.iso]))
            }
        }
    }

    private func reportJournal(_ problems: [String]) {
        for problem in problems {
            warn(text("journalFailed", ["problem": problem]))
        }
    }
}
