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
    private let condition = NSCondition()
    private var kept: (folder: FileStamp, offers: [Offer])?
    /// A reading on another thread, with the stamp of `offers/` it started at.
    private struct Reading: Equatable { var folder: FileStamp? }
    /// The reading running on another thread, if any.
    private var running: Reading?
    /// How many readings were started: only the last one started is kept when it finishes (an
    /// older one finishing later would bring back the catalogue of before a change).
    private var started = 0
    /// A reading on another thread finished and not taken yet.
    private var finished: [Offer]?
    /// How many times the whole catalogue was read (for tests and the bench).
    public var reads: Int { condition.withLock { readings } }
    private var readings = 0
    /// Runs on the reading thread before a reading begins (a test holds the reading back with
    /// it, to show that no key waits for it).
    public var gate: @Sendable () -> Void {
        get { condition.withLock { held } }
        set { condition.withLock { held = newValue } }
    }
    private var held: @Sendable () -> Void = {}

    public init(store: DataStore) { self.store = store }

    /// The catalogue as last read (the same array as given before, so comparing it with the
    /// one shown costs nothing), or nil when none was read yet; when `offers/` does not keep
    /// the stamp it was read at, every offer that can be read (`DataStore.loadOffers`; a
    /// file that cannot be read is left out) is read again on another thread (unless a
    /// reading of this stamp runs already), to be given by `take(wait:)`. Costs one `stat`.
    public func request() -> [Offer]? {
        let folder = FileStamp(path: store.offersDir.path, followingLinks: false)
        condition.lock()
        defer { condition.unlock() }
        if let kept, let folder, kept.folder == folder { return kept.offers }
        let reading = Reading(folder: folder)
        guard running != reading else { return kept?.offers }
        running = reading
        started += 1
        let (store, gate, number) = (self.store, held, started)
        Thread.detachNewThread { [self] in
            gate()
            finish(store.loadOffers().offers, as: reading, number: number)
        }
        return kept?.offers
    }

    /// Starts reading the catalogue again on another thread when one was read before and
    /// `offers/` changed since; nothing is read when none was read yet in this run.
    public func refresh() {
        guard condition.withLock({ kept != nil }) else { return }
        _ = request()
    }

    /// `offers` with `offer` in place of the one with its id (added last when none has it).
    public static func replacing(_ offer: Offer, in offers: [Offer]) -> [Offer] {
        var offers = offers
        guard let index = offers.firstIndex(where: { $0.id == offer.id }) else { return offers + [offer] }
        offers[index] = offer
        return offers
    }

    private func finish(_ offers: [Offer], as reading: Reading, number: Int) {
        condition.lock()
        readings += 1
        if number == started {
            kept = reading.folder.map { ($0, offers) }
            running = nil
            finished = offers
        }
        condition.broadcast()
        condition.unlock()
    }

    /// True while a reading started by `request()` runs or waits to be taken.
    public var isReading: Bool { condition.withLock { running != nil || finished != nil } }

    /// The catalogue read on another thread since it was last taken, or nil; with `wait`,
    /// waits for a reading still running.
    public func take(wait: Bool) -> [Offer]? {
        condition.lock()
        defer {
            finished = nil
            condition.unlock()
        }
        while wait && finished == nil && running != nil { condition.wait() }
        return finished
    }
}
