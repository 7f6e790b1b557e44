import StepwiseCore
import StepwiseUI

extension App {
    /// The offers read so far with those the plan of `participant` links to that were not
    /// among them (read one by one, not the whole catalogue); nil when none was missing.
    /// An offer that cannot be read is left out (the plan then shows the step without it).
    func linkedOffers(of participant: Participant) -> [Offer]? {
        let known = Set(state.offers.map(\.id))
        let missing = Set(participant.plan.goals.flatMap { $0.steps.compactMap(\.offerId) }).subtracting(known)
        guard !missing.isEmpty else { return nil }
        return state.offers + missing.sorted().compactMap { try? store.loadOffer($0) }
    }
}
