/// A key press, as the UI core sees it (the terminal driver translates raw input into these).
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    /// The first function key: help where letters are typed as text (forms, search).
    case f1
    /// Text the terminal marked as pasted (bracketed paste), whole, as it arrived: it is
    /// only ever text for a field, never keys.
    case paste(String)

    /// How the key is written in the footer and the help screen.
    public var label: String {
        switch self {
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .f1: return "F1"
        case .paste: return "Paste"
        }
    }
}
