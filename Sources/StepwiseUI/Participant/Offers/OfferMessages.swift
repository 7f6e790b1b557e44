import StepwiseCore

/// What a booking did, or why it was refused, in the screen's language.
enum OfferMessages {
    static func describe(_ change: Booking.Change, env: UIEnvironment) -> String {
        let s = env.strings
        let title = change.offer.title
        switch change.outcome {
        case .booked(let seat): return s("booking.booked", ["title": title, "n": String(seat), "of": String(change.offer.capacity)])
        case .waitlisted(let place): return s("booking.waitlisted", ["title": title, "n": String(place)])
        case .unbooked(let promoted):
            return s("booking.unbooked", ["title": title])
                + (promoted.isEmpty ? "" : " " + s("booking.promoted", ["n": String(promoted.count)]))
        case .leftWaitlist: return s("booking.leftWaitlist", ["title": title])
        case .offerCancelled(let affected): return s("booking.cancelled", ["title": title, "n": String(affected.count)])
        case .updated: return s("booking.updated", ["title": title])
        }
    }

    static func describe(_ failure: BookingStore.Failure, env: UIEnvironment) -> String {
        let s = env.strings
        guard case .refused(let refusal, let offer) = failure else { return failure.description }
        switch refusal {
        case .offerCancelled: return s("booking.refused.cancelled", ["title": offer.title])
        case .alreadyBooked(let seat): return s("booking.refused.booked", ["title": offer.title, "n": String(seat)])
        case .alreadyWaiting(let place): return s("booking.refused.waiting", ["title": offer.title, "n": String(place)])
        case .full: return s("booking.refused.full", ["title": offer.title])
        case .notBooked: return s("offers.notIn", ["title": offer.title])
        case .capacityBelowBooked: return failure.description
        }
    }
}
