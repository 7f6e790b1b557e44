/// A value derived from the state (a tab's lines laid out, the offers filtered and sorted),
/// kept together with the inputs it was made from, so that a key that changes none of them
/// (moving the cursor, scrolling) does not make it again. The inputs name revisions
/// (`OpenParticipant.revision`, `AppState.offersRevision`) rather than the data itself, so
/// that comparing them costs the same for a record of 10 goals and of 10,000.
///
/// A memo is not part of the state: two memos are always equal, whatever they hold, so that
/// states compare by what they show, not by what happens to be kept.
public struct Memo<Inputs: Equatable & Sendable, Value: Sendable>: Equatable, Sendable {
    private var kept: (inputs: Inputs, value: Value)?

    public init() {}

    /// The kept value when it was made from `inputs`; nil when nothing is kept or it was made
    /// from other inputs (then it is stale and never given out).
    public func value(for inputs: Inputs) -> Value? {
        guard let kept, kept.inputs == inputs else { return nil }
        return kept.value
    }

    /// Keeps `value` as the one made from `inputs` (replacing what was kept).
    public mutating func keep(_ value: Value, for inputs: Inputs) {
        kept = (inputs, value)
    }

    public static func == (lhs: Memo, rhs: Memo) -> Bool { true }
}
