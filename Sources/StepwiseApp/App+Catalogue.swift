import Foundation
import StepwiseCore
import StepwiseUI

/// The offer catalogue and its placement counts, read so that no key waits for either: the
/// first reading of the catalogue in a run decodes every offer file (at 100,000 participants,
/// 5,000 offers: about 1.6 s), so it is read on another thread when a tab that lists it is
/// first shown (the tab says so until it comes), not ahead, because the catalogue held (about
/// 20 MB there) would then count on every run, also one that never shows it.
extension App {
    /// The catalogue for the tabs that list it (`.loadOffers`): nothing when the offers shown
    /// are still the catalogue as on disk (one `stat` of `offers/`, see `OfferCatalogue`),
    /// the catalogue as last read when `offers/` changed since (it is read again on another
    /// thread), or, before the first reading in this run came, word that it is being read.
    /// Nothing given, nothing is filtered or sorted again.
    func catalogueIfChanged() -> [EffectResult] {
        guard let offers = catalogue.request() else { return [.catalogueReading] }
        // The same storage while the catalogue is unchanged: this compares no offers.
        return offers == state.offers && !state.catalogueReading ? [] : [.catalogueLoaded(offers)]
    }

    /// Shows the catalogue read on another thread (see `OfferCatalogue.request`) once it is
    /// there; true when it was. Blocks until it is there when `wait` is true (tests).
    @discardableResult
    public func takeCatalogue(wait: Bool = false) -> Bool {
        guard let offers = catalogue.take(wait: wait) else { return false }
        run([], then: [.catalogueLoaded(offers)])
        return true
    }

    /// True while the catalogue is read on another thread or waits to be shown: the terminal
    /// driver then looks for it more often than for other work done meanwhile.
    public var isReadingCatalogue: Bool { catalogue.isReading }

    /// Holds every reading of the whole catalogue on another thread back until `gate` returns
    /// (tests show with it that no key waits for the reading).
    public func holdCatalogueReads(_ gate: @escaping @Sendable () -> Void) { catalogue.gate = gate }

    /// The offers shown, after a booking change gave back `offer` as written (or as read under
    /// its lock when the change was refused), with that offer in place; the whole catalogue
    /// is read again on another thread when `offers/` changed (another offer may have
    /// changed elsewhere meanwhile), so the booking key does not wait for it.
    func offersAfterBooking(_ offer: Offer?) -> [Offer] {
        catalogue.refresh()
        guard let offer else { return state.offers }
        return OfferCatalogue.replacing(offer, in: state.offers)
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
