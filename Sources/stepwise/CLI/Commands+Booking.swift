import Foundation
import StepwiseCore

/// `stepwise book PARTICIPANT OFFER` and `stepwise unbook PARTICIPANT OFFER`: booking from
/// scripts, under the offer's lock, with the outcome on standard output (warnings and
/// refusals on standard error).
extension Commands {
    func book() -> Int32 {
        guard let (participantId, offerId) = bookingArguments() else { return 2 }
        guard requireDataFolder() else { return 1 }
        let bookings = BookingStore(store: store, identity: Identity.current(environment: environment))
        do {
            let result = try bookings.book(participantId, into: offerId)
            let offer = result.change.offer
            let who = personLabel(participantId)
            switch result.change.outcome {
            case let .booked(seat):
                print("booked: \(who) in \(offerLabel(offer)), seat \(seat) of \(offer.capacity)")
            case let .waitlisted(place):
                print("waitlisted at place \(place): \(who) for \(offerLabel(offer)), \(offer.booked.count) of \(offer.capacity) seats booked")
            default:
                print("\(who): \(offerLabel(offer)) changed")
            }
            for event in result.change.events where event.kind == .promoted {
                print("promoted from the waitlist: \(event.participantId) now holds a seat in \(offerLabel(offer))")
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
            let who = personLabel(participantId)
            switch result.change.outcome {
            case .leftWaitlist:
                print("left the waitlist: \(who) of \(offerLabel(offer))")
            default:
                print("unbooked: \(who) from \(offerLabel(offer))")
            }
            audit(.unbooked, participant: participantId)
            for event in result.change.events where event.kind == .promoted {
                print("promoted from the waitlist: \(event.participantId) now holds a seat in \(offerLabel(offer))")
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
            printError("'\(participantId)' is not a valid participant id (see 'stepwise list')")
            return nil
        }
        guard RecordID.isValid(offerId) else {
            printError("'\(offerId)' is not a valid offer id (see 'stepwise offers list')")
            return nil
        }
        return (participantId, offerId)
    }

    func requireDataFolder() -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: store.root.path, isDirectory: &isDirectory), isDirectory.boolValue { return true }
        printError("no data folder at \(store.root.path) (use --data DIR, or 'stepwise demo' to make one)")
        return false
    }

    /// `Name (p-id)` when the participant can be read, else the id.
    private func personLabel(_ id: String) -> String {
        guard let participant = try? store.loadParticipant(id) else { return id }
        return "\(participant.name) (\(id))"
    }

    func offerLabel(_ offer: Offer) -> String { "\"\(offer.title)\" (\(offer.id))" }

    private func bookingFailure(_ error: Error) -> Int32 {
        switch error {
        case let failure as BookingStore.Failure:
            switch failure {
            case .invalidParticipantID, .invalidOfferID:
                printError(failure.description)
                return 2
            case let .refused(refusal, offer):
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
            case let .offer(id, title, session, waiting):
                printError("warning: \(mine) overlaps \"\(title)\" (\(id)) \(session.day.iso) \(session.start)-\(session.end)"
                           + (waiting ? ", which \(participantId) is waiting for" : ", which \(participantId) has booked"))
            case let .conversation(number, day):
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
