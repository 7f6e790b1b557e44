import Foundation

/// How many participants have a placement in one internship offer and how many of their
/// follow-up meetings are still planned: counts only, for the catalogue ("2 placements,
/// 3 follow-ups planned"), which never shows what was agreed or said.
public struct PlacementCount: Equatable, Sendable {
    public var placements: Int
    public var plannedFollowUps: Int

    public init(placements: Int = 0, plannedFollowUps: Int = 0) {
        self.placements = placements
        self.plannedFollowUps = plannedFollowUps
    }

    /// The counts per offer id over `participants` (offers nobody is placed in are left out).
    public static func tally(_ participants: [Participant]) -> [String: PlacementCount] {
        tally(plannedFollowUps: participants.map(plannedFollowUps(of:)))
    }

    /// The counts in `store`, read from the records of those who hold a seat in an internship
    /// offer (a placement is written only for them), only their placements
    /// (`DataStore.loadPlannedFollowUps`), on every core. Records that cannot be read are skipped.
    public static func tally(in store: DataStore) -> [String: PlacementCount] {
        let offers = store.loadOffers().offers.filter { $0.internship != nil || $0.kind == "internship" }
        let ids = Set(offers.flatMap { $0.booked.map(\.participantId) }).sorted()
        let counts = tally(plannedFollowUps: Parallel.map(ids) { (try? store.loadPlannedFollowUps($0)) ?? [:] })
        let internships = Set(offers.map(\.id))
        return counts.filter { internships.contains($0.key) }
    }

    /// Offer id → planned follow-up meetings, for each of `participant`'s placements.
    static func plannedFollowUps(of participant: Participant) -> [String: Int] {
        participant.placements.mapValues { $0.planned.count }
    }

    /// The counts per offer id over each participant's placements (offer id → planned
    /// follow-up meetings).
    private static func tally(plannedFollowUps: [[String: Int]]) -> [String: PlacementCount] {
        var counts: [String: PlacementCount] = [:]
        for placements in plannedFollowUps {
            for (offerId, planned) in placements {
                counts[offerId, default: PlacementCount()].placements += 1
                counts[offerId, default: PlacementCount()].plannedFollowUps += planned
            }
        }
        return counts
    }
}

/// The placement counts of one data folder, counted on another thread so that no key waits
/// for them (at 100,000 participants `PlacementCount.tally(in:)` reads the catalogue and the
/// placements of everyone who holds a seat in an internship, about 5,800 records: 0.2–0.4 s
/// in `stepwise-bench catalogue`), and kept while `offers/`
/// and `participants/` keep their stamps: a seat is booked or given up by renaming an offer
/// file into `offers/`, a placement is written by renaming a record into `participants/`, so
/// while neither folder changed the counts are still right and nothing is read again.
public final class PlacementTally: @unchecked Sendable {
    /// The stamps of `offers/` and `participants/` that counts were made at.
    struct Folders: Equatable, Sendable {
        var offers: FileStamp?
        var participants: FileStamp?

        init(_ store: DataStore) {
            offers = FileStamp(path: store.offersDir.path, followingLinks: false)
            participants = FileStamp(path: store.participantsDir.path, followingLinks: false)
        }
    }

    private let store: DataStore
    private let reading: BackgroundReading<Folders, [String: PlacementCount]>

    /// How many times the counts were made from the records (for tests and the bench).
    public var tallies: Int { reading.count }

    /// Counts placements in `store` with `tally` (the records' own counting unless a test
    /// gives another, to hold a count back).
    public init(store: DataStore, tally: @escaping @Sendable (DataStore) -> [String: PlacementCount] = { PlacementCount.tally(in: $0) }) {
        self.store = store
        reading = BackgroundReading { tally(store) }
    }

    /// The counts when they were made at the folders' stamps of now; else nil, and a count is
    /// started on another thread (unless one for these stamps runs already): `take` gives it.
    public func counts() -> [String: PlacementCount]? {
        // The stamps are taken before counting, so that a change during the count is seen next time.
        reading.request(at: Folders(store)).flatMap { $0.current ? $0.value : nil }
    }

    /// The counts finished since they were last taken, or nil; with `wait`, waits for a count
    /// still running.
    public func take(wait: Bool) -> [String: PlacementCount]? { reading.take(wait: wait) }
}
