import StepwiseCore

/// Why a booking made after its record was closed (its save waited for an offer's lock held
/// elsewhere) did not link the plan step it was made for. The booking stands either way.
public enum StepNotLinked: Equatable, Sendable {
    /// Another terminal holds the record open: the coach's name.
    case heldBy(String)
    /// Another program holds a lock the save needs (the record's journal): who, when its
    /// lock file says.
    case locked(Identity?)
    /// The plan no longer has the step (the file was changed behind the record's lock, e.g. a
    /// restored backup).
    case stepGone
    /// The record could not be read, locked or saved: the store's reason.
    case failed(String)

    /// The message, in `strings`' language, about the booking of `name` in the offer titled `offer`.
    func text(name: String, offer: String, strings s: Localizer) -> String {
        switch self {
        case .heldBy(let coach): return s("booking.stepNotLinked.heldBy", ["name": name, "title": offer, "coach": coach])
        case .locked(let holder):
            return s("booking.stepNotLinked.locked", ["name": name, "title": offer, "coach": holder?.coach ?? "?", "host": holder?.host ?? "?"])
        case .stepGone: return s("booking.stepNotLinked.stepGone", ["name": name, "title": offer])
        case .failed(let reason): return s("booking.stepNotLinked.failed", ["name": name, "title": offer, "reason": reason])
        }
    }
}
