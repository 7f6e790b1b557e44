import StepwiseCore

/// What the offer list shows: a filter, a search and a grouping.
public struct OfferFilter: Equatable, Sendable {
    /// How the list is grouped.
    public enum Grouping: Equatable, Sendable { case kind, date }

    public var kind: String?
    public var from: Day?
    public var freeSeatsOnly = false
    public var language: String?
    public var query = ""
    public var grouping: Grouping = .kind

    public init() {}

    /// True when `offer` passes the filter and the search.
    public func admits(_ offer: Offer) -> Bool {
        if let kind, offer.kind != kind { return false }
        if let from, !offer.sessions.contains(where: { $0.day >= from }) { return false }
        if freeSeatsOnly && Booking.freeSeats(offer) == 0 { return false }
        if let language, offer.language != language { return false }
        if !query.isEmpty {
            let folded = SearchText.fold(query)
            let text = SearchText.fold([offer.title, offer.description, offer.place, offer.suits].joined(separator: " "))
            if !text.contains(folded) { return false }
        }
        return true
    }

    /// The offers to list, in order: by kind (the built-in order, then custom kinds) and first
    /// date, or by first date alone; offers on the same day by title in the alphabet of `order`
    /// (the screen's language).
    public func list(_ offers: [Offer], order: LocaleFormats) -> [Offer] {
        // Each offer's sort key is worked out once (a catalogue may hold hundreds).
        func rank(_ kind: String) -> Int { OfferKind.builtIn.firstIndex(of: kind) ?? OfferKind.builtIn.count }
        let keyed = offers.filter(admits).map { offer in
            (
                offer: offer, rank: grouping == .kind ? rank(offer.kind) : 0, kind: grouping == .kind ? offer.kind : "",
                day: offer.firstDay?.ordinal ?? Int.max
            )
        }
        return keyed.sorted { a, b in
            if (a.rank, a.kind, a.day) != (b.rank, b.kind, b.day) { return (a.rank, a.kind, a.day) < (b.rank, b.kind, b.day) }
            return order.precedes(a.offer.title, b.offer.title)
        }.map(\.offer)
    }
}
