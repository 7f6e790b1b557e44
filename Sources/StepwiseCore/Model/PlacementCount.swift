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
        var counts: [String: PlacementCount] = [:]
        for participant in participants {
            for (offerId, placement) in participant.placements {
                counts[offerId, default: PlacementCount()].placements += 1
                counts[offerId, default: PlacementCount()].plannedFollowUps += placement.planned.count
            }
        }
        return counts
    }

    /// The counts in `store`, read from the records of those who hold a seat in an internship
    /// offer (a placement is written only for them). Records that cannot be read are skipped.
    public static func tally(in store: DataStore) -> [String: PlacementCount] {
        let offers = store.loadOffers().offers.filter { $0.internship != nil || $0.kind == "internship" }
        let ids = Set(offers.flatMap { $0.booked.map(\.participantId) })
        let counts = tally(ids.sorted().compactMap { try? store.loadParticipant($0) })
        let internships = Set(offers.map(\.id))
        return counts.filter { internships.contains($0.key) }
    }
}
