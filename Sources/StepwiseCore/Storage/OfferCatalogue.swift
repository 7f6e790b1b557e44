import Foundation

/// The offer catalogue of one data folder as last read, kept while `offers/` keeps its stamp
/// (size, modification and change time, inode): every writer in Stepwise, in this terminal or
/// another, renames a new file into `offers/`, which changes that stamp. So showing the offers
/// tab again costs one `stat`, not a `stat` of every offer file (5,000 offers at 100,000
/// participants: about 165 ms) nor filtering and sorting them again. A file written in place by another program keeps the folder's
/// stamp: it is read at the next change of the folder or the next start.
/// Safe to use from several threads (one reading at a time; a second caller waits for it
/// instead of reading the catalogue twice).
public final class OfferCatalogue: @unchecked Sendable {
    private let store: DataStore
    private let lock = NSLock()
    private var kept: (folder: FileStamp, offers: [Offer])?
    /// How many times the whole catalogue was read (for tests and the bench).
    public var reads: Int { lock.withLock { readings } }
    private var readings = 0

    public init(store: DataStore) { self.store = store }

    /// The catalogue as on disk: the offers kept while `offers/` keeps its stamp, else every
    /// offer that can be read (`DataStore.loadOffers`; a file that cannot be read is left out).
    /// While nothing changed, the array given is the one given before (same storage: comparing
    /// it with the one held costs nothing).
    public func offers() -> [Offer] {
        lock.withLock {
            // The stamp is taken before reading, so that a change during the read is seen next time.
            let folder = FileStamp(path: store.offersDir.path, followingLinks: false)
            if let kept, let folder, kept.folder == folder { return kept.offers }
            let offers = store.loadOffers().offers
            readings += 1
            kept = folder.map { ($0, offers) }
            return offers
        }
    }
}
