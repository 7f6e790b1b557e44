/// The date order of offers (`Offer.sortedInDateOrder`) with each offer's first session found once.
extension Offer {
    /// What the date order compares of one offer: the day and start time of its first session
    /// on or after a day (of all sessions when none is on or after it; offers without sessions
    /// last), then its title and id.
    struct DateOrderKey {
        let when: (day: Day, start: String)
        let title: String
        let id: String

        init(_ offer: Offer, from day: Day?) {
            let first = offer.firstSession(onOrAfter: day) ?? (day == nil ? nil : offer.firstSession())
            when = (first?.day ?? Day(ordinal: Int.max), first?.start ?? "")
            title = offer.title
            id = offer.id
        }

        /// Whether the offer of this key comes before that of `other`: titles in the alphabet
        /// of `titles` when given, else by `String` order.
        func precedes(_ other: DateOrderKey, titles: LocaleFormats?) -> Bool {
            if when != other.when { return when < other.when }
            if let titles, titles.compare(title, other.title) != .orderedSame { return titles.precedes(title, other.title) }
            return (title, id) < (other.title, other.id)
        }
    }

    /// `offers` in date order (stable): by the first session on or after `day` (of all, when
    /// nil), its day and start time, then title (in the alphabet of `titles` when given) and
    /// id; offers without such a session come last. Each offer's first session is found once
    /// instead of at every comparison: n keys for n offers, not n log n.
    public static func sortedInDateOrder(_ offers: [Offer], from day: Day? = nil, titles: LocaleFormats? = nil) -> [Offer] {
        let keys = offers.map { DateOrderKey($0, from: day) }
        return keys.indices.sorted { keys[$0].precedes(keys[$1], titles: titles) }.map { offers[$0] }
    }
}
