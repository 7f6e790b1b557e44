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

    /// The session an offer is listed by: its first on or after the "from" date, or its
    /// first of all when there is none; nil for an offer without dates. Sessions on one day
    /// count in the order of their start times.
    public func shownSession(_ offer: Offer) -> OfferSession? { offer.firstSession(onOrAfter: from) }

    /// True when every date of `offer` is before `today` (an offer without dates is not past).
    public static func isPast(_ offer: Offer, today: Day) -> Bool {
        !offer.sessions.isEmpty && offer.sessions.allSatisfy { $0.day < today }
    }

    /// The offers to list, in order: by kind (the built-in order, then custom kinds) and
    /// shown date and time (`shownSession`), or by shown date and time alone; offers at the
    /// same time by title in the alphabet of `order` (the screen's language).
    public func list(_ offers: [Offer], order: LocaleFormats) -> [Offer] {
        // Each offer's sort key is worked out once (a catalogue may hold hundreds).
        func rank(_ kind: String) -> Int { OfferKind.builtIn.firstIndex(of: kind) ?? OfferKind.builtIn.count }
        let keyed = offers.filter(admits).map { offer in
            let shown = shownSession(offer)
            return (
                offer: offer, rank: grouping == .kind ? rank(offer.kind) : 0, kind: grouping == .kind ? offer.kind : "",
                day: shown?.day.ordinal ?? Int.max, start: shown?.start ?? ""
            )
        }
        return keyed.sorted { a, b in
            if (a.rank, a.kind, a.day, a.start) != (b.rank, b.kind, b.day, b.start) {
                return (a.rank, a.kind, a.day, a.start) < (b.rank, b.kind, b.day, b.start)
            }
            return order.precedes(a.offer.title, b.offer.title)
        }.map(\.offer)
    }
}
