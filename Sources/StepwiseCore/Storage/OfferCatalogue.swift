import Foundation

/// The offer catalogue of one data folder as last read, kept while `offers/` keeps its stamp
/// (size, modification and change time, inode): every writer in Stepwise, in this terminal or
/// another, renames a new file into `offers/`, which changes that stamp. So showing the offers
/// tab again costs one `stat`, not a `stat` of every offer file (5,000 offers at 100,000
/// participants: about 165 ms) nor filtering and sorting them again. A file written in place by another program keeps the folder's
/// stamp: it is read at the next change of the folder or the next start.
/// A screen reads it with `request()`, which never waits for a reading of every offer file
/// (the first in a run decodes them all: at 100,000 participants, 5,000 offers, about 1.6 s;
/// later ones `stat` each file and decode those that changed, see `DataStore.offers`): that
/// is done on another thread and given by `take(wait:)`.
/// Safe to use from several threads (a reading of a stamp already being read is not started
/// again).
public final class OfferCatalogue: @unchecked Sendable {
    private let store: DataStore
    /// The catalogue with the stamp of `offers/` it was read at (nil when there is no folder).
    private let reading: BackgroundReading<FileStamp?, [Offer]>

    /// How many times the whole catalogue was read (for tests and the bench).
    public var reads: Int { reading.count }

    /// Runs on the reading thread before a reading begins (a test holds the reading back with
    /// it, to show that no key waits for it).
    public var gate: @Sendable () -> Void {
        get { reading.gate }
        set { reading.gate = newValue }
    }

    public init(store: DataStore) {
        self.store = store
        reading = BackgroundReading { store.loadOffers().offers }
    }

    /// The catalogue as last read (the same array as given before, so comparing it with the
    /// one shown costs nothing), or nil when none was read yet; when `offers/` does not keep
    /// the stamp it was read at, every offer that can be read (`DataStore.loadOffers`; a
    /// file that cannot be read is left out) is read again on another thread (unless a
    /// reading of this stamp runs already), to be given by `take(wait:)`. Costs one `stat`.
    public func request() -> [Offer]? {
        reading.request(at: FileStamp(path: store.offersDir.path, followingLinks: false))?.value
    }

    /// Starts reading the catalogue again on another thread when one was read before and
    /// `offers/` changed since; nothing is read when none was read yet in this run.
    public func refresh() {
        guard reading.hasRead else { return }
        _ = request()
    }

    /// `offers` with `offer` in place of the one with its id (added last when none has it).
    public static func replacing(_ offer: Offer, in offers: [Offer]) -> [Offer] {
        var offers = offers
        guard let index = offers.firstIndex(where: { $0.id == offer.id }) else { return offers + [offer] }
        offers[index] = offer
        return offers
    }

    /// True while a reading started by `request()` runs or waits to be taken.
    public var isReading: Bool { reading.isReading }

    /// The catalogue read on another thread since it was last taken, or nil; with `wait`,
    /// waits for a reading still running.
    public func take(wait: Bool) -> [Offer]? { reading.take(wait: wait) }
}
