import Foundation
import StepwiseCore
import StepwiseUI

/// The offer catalogue and its placement counts, read so that no key waits for work that
/// grows with the catalogue or the organisation.
extension App {
    /// The catalogue for the tabs that list it (`.loadOffers`): nothing when the offers shown
    /// are still the catalogue as on disk (one `stat` of `offers/`, see `OfferCatalogue`),
    /// else the catalogue as read now. Nothing given, nothing is filtered or sorted again.
    func catalogueIfChanged() -> [EffectResult] {
        let offers = catalogue.offers()
        // The same storage while the catalogue is unchanged: this compares no offers.
        return offers == state.offers ? [] : [.offersLoaded(offers)]
    }

    /// Reads the catalogue on another thread after the first frame (after the check of the
    /// caseload when there is one), so that the first key that shows it (2 or 5 on an open
    /// participant, o on the caseload) finds it read: at 100,000 participants its 5,000 offer
    /// files take 1.6 s to decode the first time.
    func readCatalogueAhead() {
        let catalogue = self.catalogue
        Thread.detachNewThread { _ = catalogue.offers() }
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
