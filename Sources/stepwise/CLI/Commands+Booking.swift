import Foundation
import StepwiseCore

/// `stepwise book PARTICIPANT OFFER` and `stepwise unbook PARTICIPANT OFFER`: booking from
/// scripts, under the offer's lock, with the outcome on standard output (warnings and
/// refusals on standard error).
extension Command {
    static let book = Command(
        "book", summary: "book a participant into an offer (or its waitlist)",
        help: """
            Usage: stepwise book PARTICIPANT OFFER [--data DIR]

            Books a seat in the offer for the participant (ids as 'stepwise list' and
            'stepwise offers list' show them). When every seat is taken, the participant
            goes on the waitlist and is given a seat automatically when one frees up.
            Prints "booked: ..., seat N of C" or "waitlisted at place N: ...". Overlaps with
            the participant's other offers and mandatory conversations are warned about on
            standard error. Safe to run from many scripts and terminals at once. The
            participant is named by id alone unless standard output is a terminal.

            Exit status: 0 booked or waitlisted; 1 not booked (already booked or waiting,
            offer cancelled, full without a waitlist, unknown participant or offer);
            2 bad usage.
            """,
        arguments: participantAndOffer, action: .run { $0.book() })

    static let unbook = Command(
        "unbook", summary: "give up a seat or a place on a waitlist",
        help: """
            Usage: stepwise unbook PARTICIPANT OFFER [--data DIR]

            Gives up the participant's seat (the first on the waitlist gets it, and their
            record says so) or their place on the waitlist. Prints "unbooked: ..." or
            "left the waitlist: ...", then "promoted from the waitlist: ..." when someone
            moved up.

            Exit status: 0 done; 1 not booked, unknown participant or offer; 2 bad usage.
            """,
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
                say("booked: \(who) in \(CLIText.offer(offer)), seat \(seat) of \(offer.capacity)")
            case .waitlisted(let place):
                say(
                    "waitlisted at place \(place): \(who) for \(CLIText.offer(offer)), \(offer.booked.count) of \(offer.capacity) seats booked"
                )
            default:
                say("\(who): \(CLIText.offer(offer)) changed")
            }
            for event in result.change.events where event.kind == .promoted {
                say("promoted from the waitlist: \(event.participantId) now holds a seat in \(CLIText.offer(offer))")
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
                say("left the waitlist: \(who) of \(CLIText.offer(offer))")
            default:
                say("unbooked: \(who) from \(CLIText.offer(offer))")
            }
            audit(.unbooked, participant: participantId)
            for event in result.change.events where event.kind == .promoted {
                say("promoted from the waitlist: \(event.participantId) now holds a seat in \(CLIText.offer(offer))")
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
            printError(CLIText.invalidParticipantID(participantId))
            return nil
        }
        guard RecordID.isValid(offerId) else {
            printError(CLIText.invalidOfferID(offerId))
            return nil
        }
        return (participantId, offerId)
    }

    private func bookingFailure(_ error: Error) -> Int32 {
        switch error {
        case let failure as BookingStore.Failure:
            switch failure {
            case .invalidParticipantID, .invalidOfferID:
                printError(failure.description)
                return 2
            case .refused(let refusal, let offer):
                printError(BookingStore.describe(refusal, offer: offer, participant: options.positional.first))
            default:
                printError(failure.description)
            }
        default:
            printError("\(error)")
        }
        return 1
    }

    /// Overlaps of the booked offer with the participant's other offers and conversations.
    private func warnAboutOverlaps(_ participantId: String, offer: Offer) {
        guard let participant = try? store.loadParticipant(participantId) else { return }
        let catalogue = store.loadOffers().offers
        for overlap in Booking.overlaps(of: offer, for: participant, among: catalogue) {
            let mine = "\(overlap.session.day.iso) \(overlap.session.start)-\(overlap.session.end)"
            switch overlap.other {
            case .offer(let id, let title, let session, let waiting):
                printError(
                    "warning: \(mine) overlaps \"\(title)\" (\(id)) \(session.day.iso) \(session.start)-\(session.end)"
                        + (waiting ? ", which \(participantId) is waiting for" : ", which \(participantId) has booked"))
            case .conversation(let number, let day):
                printError("warning: \(mine) is on the day of mandatory conversation \(number) (\(day.iso)); check the time")
            }
        }
    }

    private func reportJournal(_ problems: [String]) {
        for problem in problems {
            printError("warning: the change stands, but a journal entry could not be written: \(problem)")
        }
    }
}
