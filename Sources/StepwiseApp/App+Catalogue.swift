import Foundation
import StepwiseCore
import StepwiseUI

/// The offer catalogue and its placement counts, read so that a key waits for neither once
/// the catalogue was read: the first reading in a run still decodes every offer file (at
/// 100,000 participants, 5,000 offers: about 1.6 s), which is not done ahead, because the
/// catalogue held (about 20 MB there) would then count on every run, also one that never
/// shows it.
extension App {
    /// The catalogue for the tabs that list it (`.loadOffers`): nothing when the offers shown
    /// are still the catalogue as on disk (one `stat` of `offers/`, see `OfferCatalogue`),
    /// else the catalogue as read now. Nothing given, nothing is filtered or sorted again.
    func catalogueIfChanged() -> [EffectResult] {
        let offers = catalogue.offers()
        // The same storage while the catalogue is unchanged: this compares no offers.
        return offers == state.offers ? [] : [.offersLoaded(offers)]
    }

    /// Shows the placement counts counted on another thread (see `PlacementTally`) once they
    /// are there; true when they were. Blocks until they are there when `wait` is true (tests).
    @discardableResult
    public func takePlacementCounts(wait: Bool = false) -> Bool {
        guard let counts = placementTally.take(wait: wait) else { return false }
        run([], then: [.placementCountsLoaded(counts)])
        return true
    }

    /// How many times the whole catalogue was read, and the placements counted from the
    /// records (for tests and the bench).
    public var catalogueReads: (offers: Int, placements: Int) { (catalogue.reads, placementTally.tallies) }
}
