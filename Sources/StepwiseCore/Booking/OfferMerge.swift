/// A three-way merge of an offer's details, field by field: what a form changed (its `edited`
/// offer against the `base` it was filled from) is applied to the offer as it is on disk now
/// (`current`, read under the offer's lock). A field the form left alone keeps the disk's
/// value, so a change another terminal or the command line made meanwhile stays; a field
/// both changed, to different values, keeps the disk's value and is named in `conflicts`,
/// for the screen to say so. Seats, the waitlist, attendance and calendar identities are
/// never taken from the form (`Booking.update` keeps them from disk).
public enum OfferMerge {
    /// The details of an offer that a form can change.
    public enum Field: String, CaseIterable, Equatable, Sendable {
        case title, kind, description, sessions, place, capacity, language, suits, facilitators, waitlistLimit, internship, status
    }

    /// The merged offer and the fields whose change by the form was not applied because the
    /// disk had another change to them.
    public struct Result: Equatable, Sendable {
        public var offer: Offer
        public var conflicts: [Field]
    }

    /// Merges `edited` (filled from `base`) into `current`; see the type's description.
    public static func merge(base: Offer, edited: Offer, current: Offer) -> Result {
        var merged = current
        var conflicts: [Field] = []
        // `compared` is what counts as a change of the field (sessions by day and time: a form
        // gives its sessions no calendar identities, `Booking.update` carries them over).
        func take<Value, Compared: Equatable>(
            _ field: Field, _ path: WritableKeyPath<Offer, Value>, comparing compared: (Value) -> Compared
        ) {
            let mine = compared(edited[keyPath: path])
            let theirs = compared(current[keyPath: path])
            guard mine != compared(base[keyPath: path]), mine != theirs else { return }
            if theirs == compared(base[keyPath: path]) {
                merged[keyPath: path] = edited[keyPath: path]
            } else {
                conflicts.append(field)
            }
        }
        func take<Value: Equatable>(_ field: Field, _ path: WritableKeyPath<Offer, Value>) {
            take(field, path) { $0 }
        }
        for field in Field.allCases {
            switch field {
            case .title: take(field, \.title)
            case .kind: take(field, \.kind)
            case .description: take(field, \.description)
            case .sessions: take(field, \.sessions) { $0.map { SessionTime(day: $0.day, start: $0.start, end: $0.end) } }
            case .place: take(field, \.place)
            case .capacity: take(field, \.capacity)
            case .language: take(field, \.language)
            case .suits: take(field, \.suits)
            case .facilitators: take(field, \.facilitators)
            case .waitlistLimit: take(field, \.waitlistLimit)
            case .internship: take(field, \.internship)
            case .status: take(field, \.status)
            }
        }
        return Result(offer: merged, conflicts: conflicts)
    }

    /// When a session is, without its calendar identity.
    private struct SessionTime: Equatable {
        var day: Day
        var start: String
        var end: String
    }
}
