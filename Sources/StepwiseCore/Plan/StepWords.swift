/// How a step's status and its doer are shown, the same on the screen and in the printed
/// summary.
extension Step.Status {
    /// One symbol for the status: "○" planned, "◐" doing, "●" done, "✗" dropped (each one
    /// column wide).
    public var glyph: String {
        switch self {
        case .planned: return "○"
        case .doing: return "◐"
        case .done: return "●"
        case .dropped: return "✗"
        }
    }
}

extension Doer {
    /// Who does the step, in the words of `strings` (`who.me`, `who.coach`, `who.peer`), or the
    /// other person's name as written.
    public func words(in strings: Localizer) -> String {
        switch self {
        case .me: return strings("who.me")
        case .coach: return strings("who.coach")
        case .peer: return strings("who.peer")
        case .other(let name): return name
        }
    }
}
